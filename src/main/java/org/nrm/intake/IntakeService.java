package org.nrm.intake;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.nrm.engine.EngineClock;
import org.nrm.identity.IdentityRecord;
import org.nrm.identity.IdentityVault;
import org.nrm.institutions.MechanismProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a case from an intake: a case number, the identity into the vault, and the case process
 * started with every other intake field as a variable. All of it or nothing, in one transaction.
 */
@Service
public class IntakeService {

  /** An opened (or, for a retried request, an already opened) case. */
  public record OpenedCase(String caseId, String processInstanceId) {}

  /** An intake request recorded under an Idempotency-Key. */
  public record RecordedRequest(String requestHash, OpenedCase openedCase) {}

  private static final ThreadLocal<Boolean> OPENING_VALIDATED_INTAKE = new ThreadLocal<>();

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identityService;
  private final IdentityVault vault;
  private final CaseNumbers caseNumbers;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<String> servedJurisdictions;
  private final MechanismProperties mechanism;
  private final TransactionTemplate transaction;
  private final String processKey;

  IntakeService(RuntimeService runtime, HistoryService history, IdentityService identityService, IdentityVault vault, CaseNumbers caseNumbers,
      JdbcTemplate jdbc, ObjectMapper json, MechanismProperties mechanism, PlatformTransactionManager transactions,
      @Value("${nrm.intake.process-key:NrmCaseProcess}") String processKey) {
    this.runtime = runtime;
    this.history = history;
    this.identityService = identityService;
    this.vault = vault;
    this.caseNumbers = caseNumbers;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = EngineClock.UTC;
    this.servedJurisdictions = mechanism.jurisdictionCodes();
    this.mechanism = mechanism;
    this.transaction = new TransactionTemplate(transactions);
    this.processKey = processKey;
  }

  /**
   * The errors of an intake submitted by the signed-in user (API or Tasklist start form); when there
   * are none, {@code normalised} holds the clean intake.
   */
  public List<IntakeValidator.FieldError> validate(JsonNode body, ObjectNode normalised) {
    return IntakeValidator.validate(body, servedJurisdictions, callerJurisdictions(), clock, normalised);
  }

  /**
   * The tenants of the signed-in user, as the engine authenticated them (REST and the webapps set
   * them). The case's tenant is its jurisdiction, so a user may open cases only where they belong;
   * without tenants (the engine itself, the technical administrator) any served jurisdiction.
   */
  private List<String> callerJurisdictions() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null || caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
  }

  /**
   * Opens the case of a valid, normalised intake on behalf of {@code userId}: numbered first, in a
   * transaction of its own (see {@link CaseNumbers#allocate}), then stored whole or not at all.
   */
  public OpenedCase open(ObjectNode intake, String userId, String idempotencyKey, String requestHash) {
    String jurisdiction = intake.get("jurisdiction").asText();
    String caseId = caseNumbers.allocate(jurisdiction, yearIn(jurisdiction));
    return transaction.execute(status -> store(caseId, intake, userId, idempotencyKey, requestHash));
  }

  private OpenedCase store(String caseId, ObjectNode intake, String userId, String idempotencyKey, String requestHash) {
    if (idempotencyKey != null) {
      // first, so that a concurrent retry waits here and then finds this case
      jdbc.update("insert into nrm_intake_request (idempotency_key, request_hash, case_id, created_by, created_at) values (?, ?, ?, ?, ?)",
          idempotencyKey, requestHash, caseId, userId, new Timestamp(clock.millis()));
    }
    JsonNode identity = intake.remove("identity");
    if (identity != null && !identity.isEmpty()) {
      vault.store(caseId, json.convertValue(identity, IdentityRecord.class), userId);
    }
    String processInstanceId;
    // validated here already: the start listener of the Tasklist start form skips it. A flag of this
    // thread, not a variable: a caller of the engine REST API could set a variable.
    OPENING_VALIDATED_INTAKE.set(true);
    try {
      processInstanceId = runtime.createProcessInstanceByKey(processKey)
          .businessKey(caseId)
          .setVariables(variables(intake))
          .execute()
          .getId();
    } finally {
      OPENING_VALIDATED_INTAKE.remove();
    }
    if (idempotencyKey != null) {
      jdbc.update("update nrm_intake_request set process_instance_id = ? where idempotency_key = ?", processInstanceId, idempotencyKey);
    }
    return new OpenedCase(caseId, processInstanceId);
  }

  /** True while this thread starts the case of an intake that {@link #open} validated. */
  static boolean opensValidatedIntake() {
    return Boolean.TRUE.equals(OPENING_VALIDATED_INTAKE.get());
  }

  public Optional<RecordedRequest> recordedRequest(String idempotencyKey) {
    return jdbc.query("select request_hash, case_id, process_instance_id from nrm_intake_request where idempotency_key = ?",
        (row, i) -> new RecordedRequest(row.getString(1), new OpenedCase(row.getString(2), row.getString(3))), idempotencyKey)
        .stream().findFirst();
  }

  /** The next case number of the jurisdiction, in the caller's transaction (a start inside an engine command). */
  public String nextCaseNumber(String jurisdiction) {
    return caseNumbers.nextInCurrentTransaction(jurisdiction, yearIn(jurisdiction));
  }

  /** Numbers follow the jurisdiction's calendar: a case opened on its New Year's Eve belongs to the old year. */
  private int yearIn(String jurisdiction) {
    return OffsetDateTime.now(clock.withZone(mechanism.timeZoneOf(jurisdiction))).getYear();
  }

  /** The case as the caller may see it (the engine's authorizations apply). */
  public Optional<OpenedCase> find(String caseId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).processDefinitionKey(processKey)
        .list().stream().findFirst().map(instance -> new OpenedCase(caseId, instance.getId()));
  }

  /** Intake fields as variables named as in the data dictionary: lists and objects as JSON. */
  static VariableMap variables(ObjectNode intake) {
    VariableMap variables = Variables.createVariables();
    for (Iterator<Map.Entry<String, JsonNode>> fields = intake.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (field.getKey().equals("detectedAt")) {
        variables.putValue("detectedAt", Date.from(OffsetDateTime.parse(value.asText()).withOffsetSameInstant(ZoneOffset.UTC).toInstant()));
      } else if (value.isContainerNode()) {
        variables.putValueTyped(field.getKey(), jsonValue(value.toString()).create());
      } else if (value.isBoolean()) {
        variables.putValue(field.getKey(), value.asBoolean());
      } else if (value.isIntegralNumber()) {
        variables.putValue(field.getKey(), value.asInt());
      } else if (value.isNull()) {
        variables.putValueTyped(field.getKey(), Variables.integerValue(null));
      } else {
        variables.putValue(field.getKey(), value.asText());
      }
    }
    return variables;
  }
}
