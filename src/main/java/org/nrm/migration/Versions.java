package org.nrm.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The version whose cases move and the version they move to, as a request names them: the running
 * one by its definition id, or by its process key and version (or, without a version, the only
 * other version of the key that has cases); the new one by its id, or the latest of the key. Two
 * versions of one process, never two processes; a Spanish 400 naming the field otherwise.
 */
@Component
class Versions {

  /** The two versions; {@code sourceField} is the field that named the running one. */
  record Pair(ProcessDefinition source, ProcessDefinition target, String sourceField) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;

  Versions(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  Pair of(MigrationRequest request, String refusal) {
    ProcessDefinition source = null;
    if (request.sourceDefinitionId() != null) {
      source = byId(request.sourceDefinitionId());
      if (source == null) {
        throw refused(refusal, "sourceDefinitionId", "no existe una definición de proceso con este id");
      }
      if (request.processKey() != null && !request.processKey().equals(source.getKey())) {
        throw refused(refusal, "processKey", "no es el proceso de sourceDefinitionId («" + source.getKey() + "»)");
      }
      if (request.sourceVersion() != null && request.sourceVersion() != source.getVersion()) {
        throw refused(refusal, "sourceVersion", "sourceDefinitionId es la versión " + source.getVersion() + ", no la "
            + request.sourceVersion());
      }
    } else if (request.processKey() == null) {
      throw refused(refusal, "sourceDefinitionId", "indique la versión en curso: sourceDefinitionId, o processKey (y sourceVersion"
          + " si hay casos en más de una versión)");
    } else if (repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey()).count() == 0) {
      throw refused(refusal, "processKey", "no hay ninguna versión desplegada del proceso «" + request.processKey() + "»");
    }
    String key = source != null ? source.getKey() : request.processKey();
    ProcessDefinition target = target(request, key, source, refusal);
    if (source == null) {
      source = request.sourceVersion() != null ? version(key, request.sourceVersion(), target, refusal) : running(key, target, refusal);
    }
    String sourceField = request.sourceDefinitionId() != null ? "sourceDefinitionId" : "sourceVersion";
    if (source.getId().equals(target.getId())) {
      throw refused(refusal, "targetDefinitionId", "es la misma versión que la de origen (versión " + source.getVersion() + ")");
    }
    if (target.getTenantId() != null && !target.getTenantId().equals(source.getTenantId())) {
      throw refused(refusal, "targetDefinitionId", "es una versión de otra jurisdicción («" + target.getTenantId() + "»)");
    }
    return new Pair(source, target, sourceField);
  }

  /** A version as the preview shows it, with the name of the deployment that brought it. */
  MigrationPreview.Version describe(ProcessDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return new MigrationPreview.Version(definition.getId(), definition.getKey(), definition.getVersion(),
        deployment == null ? null : deployment.getName());
  }

  private ProcessDefinition target(MigrationRequest request, String key, ProcessDefinition source, String refusal) {
    if (request.targetDefinitionId() != null) {
      ProcessDefinition target = byId(request.targetDefinitionId());
      if (target == null) {
        throw refused(refusal, "targetDefinitionId", "no existe una definición de proceso con este id");
      }
      if (!target.getKey().equals(key)) {
        throw refused(refusal, "targetDefinitionId", "es una versión de «" + target.getKey() + "»; los casos de «" + key
            + "» sólo pasan a otra versión del mismo proceso");
      }
      return target;
    }
    return sameTenant(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion(),
        source == null ? null : source.getTenantId())
        .orElseThrow(() -> refused(refusal, "targetDefinitionId", "«" + key + "» no tiene una versión más reciente"));
  }

  private ProcessDefinition version(String key, int version, ProcessDefinition target, String refusal) {
    return sameTenant(repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version),
        target.getTenantId())
        .orElseThrow(() -> refused(refusal, "sourceVersion", "«" + key + "» no tiene la versión " + version + " (la última es la "
            + target.getVersion() + ")"));
  }

  /** Without a version: the only version of the key, other than the target, that has running cases. */
  private ProcessDefinition running(String key, ProcessDefinition target, String refusal) {
    List<ProcessDefinition> withCases = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().asc().list()) {
      if (!definition.getId().equals(target.getId()) && Objects.equals(definition.getTenantId(), target.getTenantId())
          && runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count() > 0) {
        withCases.add(definition);
      }
    }
    if (withCases.isEmpty()) {
      throw refused(refusal, "sourceVersion", "ninguna otra versión de «" + key + "» tiene casos en curso: no hay nada que migrar");
    }
    if (withCases.size() > 1) {
      throw refused(refusal, "sourceVersion", "hay casos en curso en las versiones " + String.join(", ",
          withCases.stream().map(definition -> String.valueOf(definition.getVersion())).toList()) + ": indique cuál con sourceVersion");
    }
    return withCases.get(0);
  }

  private ProcessDefinition byId(String id) {
    return repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
  }

  private static java.util.Optional<ProcessDefinition> sameTenant(ProcessDefinitionQuery query, String tenantId) {
    return query.list().stream().filter(definition -> Objects.equals(definition.getTenantId(), tenantId)).findFirst();
  }

  private static ApiException refused(String refusal, String field, String message) {
    return ApiException.badRequest(ApiError.withField(refusal, field, message));
  }
}
