package org.nrm.deadlines;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.nrm.institutions.MechanismProperties;
import org.nrm.rules.CaseDecisionService;
import org.nrm.rules.Deadline;
import org.springframework.stereotype.Component;

/**
 * Due dates for tasks and their escalation timers, from the deadlines of the case's jurisdiction
 * (rules/deadlines.yml): hours, or working days counted as working days in the jurisdiction's time
 * zone. From BPMN: {@code camunda:dueDate="${dueDates.of(jurisdiction, 'identification-decision')}"}.
 * Time is the engine's clock, so tests can move it.
 */
@Component("dueDates")
public class DueDates {

  private final CaseDecisionService decisions;
  private final MechanismProperties mechanism;

  DueDates(CaseDecisionService decisions, MechanismProperties mechanism) {
    this.decisions = decisions;
    this.mechanism = mechanism;
  }

  /** When a step of the jurisdiction's deadline table is due, counted from now. */
  public Date of(String jurisdiction, String step) {
    return in(jurisdiction, decisions.active().deadlines().forJurisdiction(jurisdiction).of(step));
  }

  /** How many times a step fits into a period, e.g. check-ins during the follow-up: 365d / 90d = 4. */
  public int timesIn(String jurisdiction, String period, String step) {
    var deadlines = decisions.active().deadlines().forJurisdiction(jurisdiction);
    return Math.max(1, deadlines.of(period).hours() / deadlines.of(step).hours());
  }

  /**
   * A timer cycle for a step repeated during a period, e.g. the check-ins of the follow-up:
   * {@code R4/PT2160H} for 90 days in 365. Counted in hours from the start of the timer.
   */
  public String cycle(String jurisdiction, String period, String step) {
    var deadlines = decisions.active().deadlines().forJurisdiction(jurisdiction);
    return "R" + timesIn(jurisdiction, period, step) + "/PT" + deadlines.of(step).hours() + "H";
  }

  /** When a deadline that the rules gave (a referral's) is due, counted from now. */
  public Date in(String jurisdiction, int dueInHours, boolean workingDays) {
    return in(jurisdiction, new Deadline(dueInHours, workingDays));
  }

  private Date in(String jurisdiction, Deadline deadline) {
    ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), mechanism.timeZoneOf(jurisdiction));
    ZonedDateTime due = deadline.workingDays()
        ? WorkingDays.add(now, Math.max(1, deadline.hours() / 24))
        : now.plusHours(deadline.hours());
    return Date.from(due.toInstant());
  }
}
