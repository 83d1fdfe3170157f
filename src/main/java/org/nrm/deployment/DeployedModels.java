package org.nrm.deployment;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What is deployed already, read in the deploying transaction (which has not written the new
 * deployment yet: the engine flushes at the end of its command): the latest version of a form or a
 * process, the latest models, the resources of the latest deployment of a name. Models and forms are
 * shared by every jurisdiction (no tenant); each query goes by an indexed key, never by a resource
 * name over the byte array table, which holds every case's large variables too.
 */
@Component
class DeployedModels {

  private final JdbcTemplate jdbc;

  DeployedModels(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest deployed version of the form with this key (its JSON). */
  Optional<byte[]> latestForm(String key) {
    return first(jdbc.query("select b.BYTES_ from ACT_RE_CAMFORMDEF f join ACT_GE_BYTEARRAY b"
        + " on b.DEPLOYMENT_ID_ = f.DEPLOYMENT_ID_ and b.NAME_ = f.RESOURCE_NAME_"
        + " where f.KEY_ = ? and f.TENANT_ID_ is null order by f.VERSION_ desc fetch first 1 rows only",
        (row, n) -> row.getBytes(1), key));
  }

  /** The latest deployed version of the process with this key (its BPMN XML). */
  Optional<byte[]> latestProcess(String key) {
    return first(jdbc.query("select b.BYTES_ from ACT_RE_PROCDEF p join ACT_GE_BYTEARRAY b"
        + " on b.DEPLOYMENT_ID_ = p.DEPLOYMENT_ID_ and b.NAME_ = p.RESOURCE_NAME_"
        + " where p.KEY_ = ? and p.TENANT_ID_ is null order by p.VERSION_ desc fetch first 1 rows only",
        (row, n) -> row.getBytes(1), key));
  }

  /** The BPMN XML of the latest version of every deployed process. */
  List<byte[]> latestProcesses() {
    return jdbc.query("select b.BYTES_ from ACT_RE_PROCDEF p join ACT_GE_BYTEARRAY b"
        + " on b.DEPLOYMENT_ID_ = p.DEPLOYMENT_ID_ and b.NAME_ = p.RESOURCE_NAME_"
        + " where p.TENANT_ID_ is null and p.VERSION_ = (select max(q.VERSION_) from ACT_RE_PROCDEF q"
        + " where q.KEY_ = p.KEY_ and q.TENANT_ID_ is null)", (row, n) -> row.getBytes(1));
  }

  /** The resource of this name in the latest deployment of this name (the rules' files, for one). */
  Optional<byte[]> latestResource(String deploymentName, String resourceName) {
    return first(jdbc.query("select b.BYTES_ from ACT_GE_BYTEARRAY b where b.NAME_ = ? and b.DEPLOYMENT_ID_ ="
        + " (select d.ID_ from ACT_RE_DEPLOYMENT d where d.NAME_ = ? order by d.DEPLOY_TIME_ desc fetch first 1 rows only)",
        (row, n) -> row.getBytes(1), resourceName, deploymentName));
  }

  private static Optional<byte[]> first(List<byte[]> rows) {
    return rows.stream().findFirst();
  }
}
