package org.nrm.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.nrm.deadlines.WorkingDays;
import org.nrm.engine.ParseListeners;
import org.nrm.institutions.Institution;
import org.nrm.institutions.MechanismProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics of each case's course in step with it, in the engine's transaction: the
 * stage a case is at and how long its first assistance and identification took; each referral
 * (its institution, answer, delivery, deadline and escalations); each return (blocked and why,
 * completed, the reintegration's outcome). Only codes the models and forms define are kept.
 */
@Component
class CourseStatisticsPlugin extends AbstractProcessEnginePlugin {

  static final String REFERRAL_PROCESS = "ReferralProcess";
  static final String RETURN_PROCESS = "RepatriationProcess";

  /** The stage a case enters when one of its user tasks (or its hand-over to repatriation) starts. */
  static final Map<String, String> STAGES = Map.ofEntries(
      Map.entry("UserTask_ReviewScreening", "screening"),
      Map.entry("UserTask_DecideIdentification", "identification"),
      Map.entry("UserTask_AgreeCarePlan", "care-plan"),
      Map.entry("UserTask_DecideComplaintForChild", "legal-tracks"),
      Map.entry("UserTask_ReceiveComplaint", "legal-tracks"),
      Map.entry("UserTask_ApplyProtectionMeasures", "legal-tracks"),
      Map.entry("UserTask_RegulariseMigrationStatus", "legal-tracks"),
      Map.entry("UserTask_DecideDurableSolution", "durable-solution"),
      Map.entry("UserTask_PlanLocalIntegration", "durable-solution"),
      Map.entry("UserTask_CoordinateThirdCountry", "durable-solution"),
      Map.entry("CallActivity_HandOverToRepatriation", "repatriation"),
      Map.entry("UserTask_FollowUpCheckIn", "follow-up"),
      Map.entry("UserTask_CloseCase", "closing"));
  /** The ends of a return that did not happen, with the reason the statistics count. */
  static final Map<String, String> RETURN_ENDS = Map.of("EndEvent_ReturnBlocked", "return-risk",
      "EndEvent_ReturnTravelBlocked", "travel-conditions", "EndEvent_ReceptionUnanswered", "origin-unanswered");
  /** The ends of a return that happened; the second one without the origin's report of the reintegration. */
  static final Set<String> RETURNED_ENDS = Set.of("EndEvent_Returned", "EndEvent_ReturnedWithoutOutcome");
  static final Set<String> REINTEGRATION_OUTCOMES = Set.of("reintegrated", "failed");

  private final String caseProcessKey;
  private final CourseStatisticsStore store;
  private final MechanismProperties mechanism;

  CourseStatisticsPlugin(@Value("${nrm.intake.process-key:NrmCaseProcess}") String caseProcessKey, @Lazy CourseStatisticsStore store,
      MechanismProperties mechanism) {
    this.caseProcessKey = caseProcessKey;
    this.store = store;
    this.mechanism = mechanism;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.register(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        if (process.getKey().equals(REFERRAL_PROCESS)) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_END,
              (ExecutionListener) execution -> store.referralClosed(execution.getProcessInstanceId(), today(execution)));
        } else if (process.getKey().equals(RETURN_PROCESS)) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_END,
              (ExecutionListener) execution -> store.returnClosed(execution.getProcessInstanceId(), today(execution)));
        }
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        String key = keyOf(activity);
        if (key.equals(REFERRAL_PROCESS) && scope == activity.getProcessDefinition()) {
          on(activity, ExecutionListener.EVENTNAME_END, CourseStatisticsPlugin.this::referred);
        } else if (key.equals(RETURN_PROCESS) && scope == activity.getProcessDefinition()) {
          on(activity, ExecutionListener.EVENTNAME_END, execution -> store.returnStarted(
              execution.getProcessInstanceId(), caseIdOf(execution), today(execution), now()));
        }
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String key = keyOf(activity);
        String id = activity.getId();
        if (id.startsWith("UserTask_Escalate")) {
          on(activity, ExecutionListener.EVENTNAME_START, execution -> escalation(execution, key, false));
          on(activity, ExecutionListener.EVENTNAME_END, execution -> escalation(execution, key, true));
        } else if (key.equals(caseProcessKey)) {
          caseTask(activity, id);
        } else if (key.equals(REFERRAL_PROCESS)) {
          referralTask(activity, id);
        }
      }

      @Override
      public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (keyOf(activity).equals(caseProcessKey) && STAGES.containsKey(activity.getId())) {
          on(activity, ExecutionListener.EVENTNAME_START,
              execution -> store.stage(execution.getProcessInstanceId(), STAGES.get(activity.getId())));
        }
      }

      @Override
      public void parseBoundaryTimerEventDefinition(Element timer, boolean interrupting, ActivityImpl boundary) {
        if (keyOf(boundary).equals(REFERRAL_PROCESS)) {
          on(boundary, ExecutionListener.EVENTNAME_START,
              execution -> store.referralOverdue(execution.getProcessInstanceId()));
        }
      }

      @Override
      public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!keyOf(activity).equals(RETURN_PROCESS)) {
          return;
        }
        if (RETURN_ENDS.containsKey(activity.getId())) {
          on(activity, ExecutionListener.EVENTNAME_START, execution -> store.returnState(
              execution.getProcessInstanceId(), "blocked", RETURN_ENDS.get(activity.getId()), null, now()));
        } else if (RETURNED_ENDS.contains(activity.getId())) {
          on(activity, ExecutionListener.EVENTNAME_START, execution -> {
            Object outcome = execution.getVariable("reintegrationOutcome");
            store.returnState(execution.getProcessInstanceId(), "returned", null,
                outcome != null && REINTEGRATION_OUTCOMES.contains(outcome.toString()) ? outcome.toString() : null, now());
          });
        }
      }
    });
  }

  private void caseTask(ActivityImpl activity, String id) {
    if (STAGES.containsKey(id)) {
      on(activity, ExecutionListener.EVENTNAME_START, execution -> store.stage(execution.getProcessInstanceId(), STAGES.get(id)));
    }
    if (id.equals("UserTask_ReviewScreening")) {
      on(activity, ExecutionListener.EVENTNAME_END,
          execution -> store.firstAssistance(execution.getProcessInstanceId(), detectedAt(execution), now()));
    }
    if (id.equals("UserTask_DecideIdentification")) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::identified);
    }
  }

  private void referralTask(ActivityImpl activity, String id) {
    switch (id) {
      case "UserTask_DecideOnReferral" -> on(activity, ExecutionListener.EVENTNAME_END, execution -> {
        Object decision = execution.getVariable("referralDecision");
        if ("accepted".equals(decision) || "declined".equals(decision)) {
          store.answered(execution.getProcessInstanceId(), decision.toString(), now());
        }
      });
      case "UserTask_ChooseAnotherProvider" -> on(activity, ExecutionListener.EVENTNAME_END, execution ->
          store.referralState(execution.getProcessInstanceId(), "pending", institution(execution.getVariable("institution")), now()));
      case "UserTask_ChooseProvider" -> on(activity, ExecutionListener.EVENTNAME_END, execution -> {
        if (Boolean.FALSE.equals(execution.getVariable("referralConsented"))) {
          store.referralState(execution.getProcessInstanceId(), "refused", null, now());
        }
      });
      case "UserTask_DeliverService" -> on(activity, ExecutionListener.EVENTNAME_END, execution -> {
        Object outcome = execution.getVariable("serviceOutcome");
        if ("delivered".equals(outcome) || "not-delivered".equals(outcome)) {
          store.referralState(execution.getProcessInstanceId(), outcome.toString(), null, now());
        }
      });
      default -> { }
    }
  }

  private void referred(DelegateExecution execution) {
    String caseId = caseIdOf(execution);
    String institution = institution(execution.getVariable("institution"));
    if (caseId == null || institution == null) {
      return;
    }
    store.referred(execution.getProcessInstanceId(), caseId, institution, now());
    if (Institution.CHILD_PROTECTION.id().equals(institution) && Boolean.TRUE.equals(execution.getVariable("treatAsChild"))) {
      store.childProtectionNotified(caseId, detectedAt(execution), now());
    }
  }

  private void identified(DelegateTask task) {
    ZoneId zone = zoneOf(task.getExecution());
    LocalDate created = task.getCreateTime().toInstant().atZone(zone).toLocalDate();
    Integer deadline = task.getDueDate() == null ? null : WorkingDays.between(created, task.getDueDate().toInstant().atZone(zone).toLocalDate());
    store.identificationTook(task.getProcessInstanceId(), WorkingDays.between(created, today(task.getExecution())), deadline);
  }

  private void escalation(DelegateExecution execution, String processKey, boolean resolved) {
    String id = execution.getProcessInstanceId();
    if (processKey.equals(REFERRAL_PROCESS)) {
      store.escalation("nrm_stat_referral", "referral_id", id, resolved);
    } else if (processKey.equals(RETURN_PROCESS)) {
      store.escalation("nrm_stat_return", "return_id", id, resolved);
    } else if (processKey.equals(caseProcessKey)) {
      store.escalation("nrm_stat_case", "process_instance_id", id, resolved);
    }
  }

  /** The case a referral or return belongs to: the process instance that called it. */
  private static String caseIdOf(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller == null ? null : caller.getProcessInstanceId();
  }

  private static String institution(Object value) {
    return value == null ? null : Institution.byId(value.toString()).map(Institution::id).orElse(null);
  }

  private static Instant detectedAt(DelegateExecution execution) {
    return execution.getVariable("detectedAt") instanceof Date detected ? detected.toInstant() : null;
  }

  private static void on(ActivityImpl activity, String event, ExecutionListener listener) {
    activity.addBuiltInListener(event, listener);
  }

  private static String keyOf(ActivityImpl activity) {
    return ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private LocalDate today(DelegateExecution execution) {
    return now().atZone(zoneOf(execution)).toLocalDate();
  }

  private ZoneId zoneOf(DelegateExecution execution) {
    Object jurisdiction = execution.getVariable("jurisdiction");
    return mechanism.timeZoneOf(jurisdiction == null ? "" : jurisdiction.toString());
  }
}
