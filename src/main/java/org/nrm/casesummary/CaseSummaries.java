package org.nrm.casesummary;

import static org.nrm.casesummary.CaseFact.ACCOMPANIED_BY;
import static org.nrm.casesummary.CaseFact.AGE;
import static org.nrm.casesummary.CaseFact.CARE_REQUESTED;
import static org.nrm.casesummary.CaseFact.CLASSIFICATION;
import static org.nrm.casesummary.CaseFact.COMPLAINT_WISH;
import static org.nrm.casesummary.CaseFact.CONSULAR_NOTIFICATION;
import static org.nrm.casesummary.CaseFact.DETECTION;
import static org.nrm.casesummary.CaseFact.DETECTION_PLACE;
import static org.nrm.casesummary.CaseFact.DISABILITY;
import static org.nrm.casesummary.CaseFact.ELEMENTS_OF_TRAFFICKING;
import static org.nrm.casesummary.CaseFact.FEAR_OF_RETURN;
import static org.nrm.casesummary.CaseFact.GENDER_IDENTITY;
import static org.nrm.casesummary.CaseFact.IDENTIFICATION;
import static org.nrm.casesummary.CaseFact.INDIGENOUS;
import static org.nrm.casesummary.CaseFact.LANGUAGES;
import static org.nrm.casesummary.CaseFact.MIGRATION_STATUS;
import static org.nrm.casesummary.CaseFact.MOVEMENT;
import static org.nrm.casesummary.CaseFact.NATIONALITY;
import static org.nrm.casesummary.CaseFact.NEEDS;
import static org.nrm.casesummary.CaseFact.OPEN_PROCEEDINGS;
import static org.nrm.casesummary.CaseFact.PREGNANCY;
import static org.nrm.casesummary.CaseFact.PROPOSED_REFERRALS;
import static org.nrm.casesummary.CaseFact.PURPOSES;
import static org.nrm.casesummary.CaseFact.REFERRAL;
import static org.nrm.casesummary.CaseFact.RETURN_SAFETY;
import static org.nrm.casesummary.CaseFact.RETURN_WISH;
import static org.nrm.casesummary.CaseFact.RISK_FACTORS;
import static org.nrm.casesummary.CaseFact.RISK_LEVEL;
import static org.nrm.casesummary.CaseFact.RULES_THAT_DECIDED;
import static org.nrm.casesummary.CaseFact.SEX;
import static org.nrm.casesummary.CaseFact.TREATED_AS_CHILD;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What each task's form shows of its case, least privilege first: the facts that institution needs
 * to do that task without asking the person again (the single interview), and nothing else. Keyed
 * by the user task's id in its model; a referral's tasks add what the institution it goes to needs.
 * The README's table "The case on every form" is this class in words.
 */
public final class CaseSummaries {

  /** What a task's summary shows, and why (the README's words). */
  public record Summary(List<CaseFact> facts, String why) {}

  /** Who the person is, as every institution that works with her or him needs to know. */
  private static final List<CaseFact> PERSON = List.of(SEX, GENDER_IDENTITY, AGE, TREATED_AS_CHILD, NATIONALITY, LANGUAGES);
  /** How she or he must be cared for (principle 13). */
  private static final List<CaseFact> CARE = List.of(DISABILITY, PREGNANCY, INDIGENOUS, CARE_REQUESTED, NEEDS);
  /** The facts a decision on identification weighs, and the rules' reading of them. */
  private static final List<CaseFact> SCREENING = List.of(DETECTION, DETECTION_PLACE, SEX, GENDER_IDENTITY, AGE, TREATED_AS_CHILD,
      NATIONALITY, MIGRATION_STATUS, ELEMENTS_OF_TRAFFICKING, MOVEMENT, RISK_FACTORS, CLASSIFICATION, RISK_LEVEL, RULES_THAT_DECIDED);
  /** Whether and how a return can be safe. */
  private static final List<CaseFact> RETURN = List.of(NATIONALITY, MIGRATION_STATUS, FEAR_OF_RETURN, RETURN_WISH, RETURN_SAFETY);
  /** An escalation names the overdue task; coordination opens the case in Cockpit for the rest. */
  private static final Summary ESCALATION = summary("Coordination sees the case's profile to set priorities; it reads the whole case in Cockpit.",
      List.of(TREATED_AS_CHILD, RISK_LEVEL));

  private static final Map<String, Summary> BY_TASK = new LinkedHashMap<>();
  private static final Set<String> REFERRAL_TASKS = Set.of("UserTask_DecideOnReferral", "UserTask_DeliverService");
  private static final Map<String, List<CaseFact>> REFERRAL_ADDITIONS = Map.of(
      "legal-aid", List.of(MIGRATION_STATUS, OPEN_PROCEEDINGS, COMPLAINT_WISH),
      "migration", List.of(MIGRATION_STATUS, FEAR_OF_RETURN),
      "foreign-affairs", List.of(MIGRATION_STATUS, FEAR_OF_RETURN, CONSULAR_NOTIFICATION),
      "labour", List.of(PURPOSES),
      "health", List.of(PURPOSES),
      "police", List.of(DETECTION_PLACE, RISK_FACTORS),
      "prosecution", List.of(ELEMENTS_OF_TRAFFICKING, OPEN_PROCEEDINGS, COMPLAINT_WISH),
      "child-protection", List.of(ACCOMPANIED_BY, RISK_FACTORS, PURPOSES));

  static {
    // the case: screening, identification, care plan, legal tracks, durable solution, closure
    task("UserTask_ReviewScreening", "The response team checks the rules' screening against the interview and coordinates the first"
        + " hours: the facts, the rules that decided, the referrals the rules propose, the needs and the language.",
        SCREENING, List.of(ACCOMPANIED_BY, OPEN_PROCEEDINGS, PROPOSED_REFERRALS, LANGUAGES), CARE);
    task("UserTask_DecideIdentification", "Formal identification weighs act, means and purpose, age, origin and how the person was"
        + " found, against the rules' classification and the sentences of the rules that fired; the decision may differ, with its reason.",
        SCREENING);
    task("UserTask_AgreeCarePlan", "The care plan answers the person's needs in her or his language, with the care asked for under"
        + " principle 13; the risks, the referrals already made and the person's choices shape it (for a child, child protection"
        + " agrees it, and sees who accompanies the child).",
        PERSON, CARE, List.of(ACCOMPANIED_BY, RISK_LEVEL, RISK_FACTORS, MIGRATION_STATUS, PURPOSES, IDENTIFICATION, PROPOSED_REFERRALS,
            COMPLAINT_WISH, RETURN_WISH, OPEN_PROCEEDINGS));
    task("UserTask_DecideComplaintForChild", "Child protection decides in the child's best interests whether a complaint goes ahead:"
        + " the child's situation, who accompanies the child, the risks and the child's wish.",
        PERSON, List.of(ACCOMPANIED_BY, RISK_LEVEL, RISK_FACTORS, PURPOSES, IDENTIFICATION, COMPLAINT_WISH, CARE_REQUESTED));
    task("UserTask_ReceiveComplaint", "The prosecution opens an investigation from the interview, not a second one: the elements of"
        + " the offence and its ICCS code, where it happened, the risks, and any proceeding against the person (non-punishment).",
        List.of(DETECTION, DETECTION_PLACE, ELEMENTS_OF_TRAFFICKING, MOVEMENT, CLASSIFICATION, TREATED_AS_CHILD, AGE, SEX, LANGUAGES,
            RISK_LEVEL, RISK_FACTORS, OPEN_PROCEEDINGS, CARE_REQUESTED, IDENTIFICATION));
    task("UserTask_ApplyProtectionMeasures", "The police protect the person and witnesses from what the risk assessment found, where"
        + " the person was found, and the care she or he asked for.",
        List.of(RISK_LEVEL, RISK_FACTORS, TREATED_AS_CHILD, SEX, AGE, DETECTION_PLACE, LANGUAGES, CARE_REQUESTED));
    task("UserTask_RegulariseMigrationStatus", "Migration regularises without deportation: nationality, status, fear of return, and"
        + " whether the person is identified and a child.",
        List.of(NATIONALITY, MIGRATION_STATUS, FEAR_OF_RETURN, TREATED_AS_CHILD, AGE, IDENTIFICATION, LANGUAGES, NEEDS));
    task("UserTask_DecideDurableSolution", "The durable solution is chosen with the person from her or his wish, the safety of a"
        + " return (fear, the rules' return risk and what blocks a return), and the case's profile.",
        PERSON, RETURN, List.of(RISK_LEVEL, RISK_FACTORS, IDENTIFICATION, ACCOMPANIED_BY));
    task("UserTask_PlanLocalIntegration", "Social welfare plans integration where the person stays: who she or he is, status, needs"
        + " and the care asked for.",
        PERSON, CARE, List.of(MIGRATION_STATUS));
    task("UserTask_CoordinateThirdCountry", "Foreign affairs coordinates resettlement: nationality, status, fear of return and profile.",
        PERSON, List.of(MIGRATION_STATUS, FEAR_OF_RETURN, RISK_LEVEL));
    task("UserTask_FollowUpCheckIn", "A follow-up checks the person against the needs and risks recorded, in her or his language.",
        List.of(TREATED_AS_CHILD, RISK_LEVEL, LANGUAGES, NEEDS, CARE_REQUESTED, IDENTIFICATION));
    task("UserTask_CloseCase", "Closing records the outcome against what the case was found to be.",
        List.of(CLASSIFICATION, IDENTIFICATION, TREATED_AS_CHILD, RISK_LEVEL));
    // referrals: what the receiving institution needs to serve the person, not the story
    task("UserTask_DecideOnReferral", "The institution a referral goes to sees what it is asked for and what serving the person needs"
        + " (who she or he is, language, needs, care asked for, risk), plus what its own service needs: legal aid the status and"
        + " any proceeding, migration and foreign affairs the status and fear of return, labour and health the purposes, police the"
        + " place and risk factors, prosecution the elements, child protection the child's situation.",
        List.of(REFERRAL), PERSON, CARE, List.of(RISK_LEVEL));
    task("UserTask_DeliverService", "The same as for accepting the referral: the service is delivered to the same person.",
        List.of(REFERRAL), PERSON, CARE, List.of(RISK_LEVEL));
    task("UserTask_ChooseProvider", "The chooser (child protection for a child) sees what the ranking weighs (who the person is,"
        + " where she or he was found, language, needs, care asked for, risk) to choose the provider with the person and record"
        + " the consent.",
        List.of(REFERRAL), PERSON, CARE, List.of(DETECTION_PLACE, RISK_LEVEL));
    task("UserTask_ChooseAnotherProvider", "The response team chooses who else can serve the declined referral: what it was for and"
        + " what the person needs.",
        List.of(REFERRAL, TREATED_AS_CHILD, RISK_LEVEL, LANGUAGES, NEEDS, CARE_REQUESTED));
    // repatriation, at the destination
    task("UserTask_DetermineBestInterests", "A child's return needs a best-interests determination: everything about the child's"
        + " situation, family risks (risk factors), the child's wish, fear of return and the rules' return risk.",
        PERSON, CARE, RETURN, List.of(ACCOMPANIED_BY, RISK_LEVEL, RISK_FACTORS, PURPOSES, IDENTIFICATION));
    task("UserTask_RecordInformedReturnDecision", "IOM records an informed, voluntary decision: the wish, fear and safety of return, in"
        + " the person's language.",
        RETURN, List.of(TREATED_AS_CHILD, LANGUAGES, CARE_REQUESTED, NEEDS));
    task("UserTask_IssueConsularDocuments", "Foreign affairs asks the consulate for documents only where the rules allow contacting it.",
        List.of(NATIONALITY, TREATED_AS_CHILD, CONSULAR_NOTIFICATION, NEEDS));
    task("UserTask_PlanReturnTravel", "The travel is planned for who the person is and what she or he needs on the way.",
        PERSON, CARE, List.of(RETURN_SAFETY));
    task("UserTask_ArrangeEscort", "The escort of a child is chosen for the child's age, sex, language and needs.",
        PERSON, CARE);
    task("UserTask_ConfirmReturnTravel", "Confirming the travel needs only who travels.",
        List.of(NATIONALITY, TREATED_AS_CHILD));
    // reception and reintegration, at the origin, from the hand-over's data set
    task("UserTask_AssessFamilyOrArrangeCare", "Child protection of the origin assesses the family of a returning child: the child's"
        + " situation, the family risks and the return risk.",
        PERSON, CARE, List.of(RISK_FACTORS, RETURN_SAFETY, PURPOSES));
    task("UserTask_ReceiveOnArrival", "Reception on arrival prepares for who arrives and what she or he needs.",
        PERSON, CARE, List.of(RETURN_SAFETY));
    task("UserTask_PlanReintegration", "The reintegration plan answers the needs, risks and form of exploitation the person lived.",
        PERSON, CARE, List.of(PURPOSES, RISK_FACTORS, RETURN_SAFETY));
    task("UserTask_ReintegrationCheckIn", "A reintegration follow-up checks the person against the needs and risks recorded.",
        List.of(TREATED_AS_CHILD, LANGUAGES, NEEDS, RISK_FACTORS, RETURN_SAFETY));
    task("UserTask_RespondToFailedReintegration", "A failed reintegration is answered from the risks and needs of the case.",
        List.of(TREATED_AS_CHILD, AGE, LANGUAGES, NEEDS, CARE_REQUESTED, RISK_FACTORS, RETURN_SAFETY, PURPOSES));
    for (String escalation : List.of("UserTask_EscalateOverdueTask", "UserTask_EscalateOverdueReferral", "UserTask_EscalateOverdueCheckIn",
        "UserTask_EscalateOverdueReceptionTask", "UserTask_EscalateOverdueRepatriationTask", "UserTask_EscalateUnansweredReception",
        "UserTask_EscalateUnansweredReintegrationOutcome", "UserTask_EscalateUnansweredReturnTravel")) {
      BY_TASK.put(escalation, ESCALATION);
    }
  }

  private CaseSummaries() {}

  /** Every task's summary, in the order of the README's table. */
  public static Map<String, Summary> byTask() {
    return Collections.unmodifiableMap(BY_TASK);
  }

  /** The task's summary; a task of a model this class does not know shows the case's profile only. */
  public static List<CaseFact> factsOf(String taskDefinitionKey, String institution) {
    Summary summary = BY_TASK.getOrDefault(taskDefinitionKey, ESCALATION);
    if (!REFERRAL_TASKS.contains(taskDefinitionKey)) {
      return summary.facts();
    }
    Set<CaseFact> facts = new LinkedHashSet<>(summary.facts());
    facts.addAll(REFERRAL_ADDITIONS.getOrDefault(institution, List.of()));
    return new ArrayList<>(facts);
  }

  /** The additions of a referral's tasks, by the institution it goes to. */
  public static Map<String, List<CaseFact>> referralAdditions() {
    return REFERRAL_ADDITIONS;
  }

  @SafeVarargs
  private static void task(String taskDefinitionKey, String why, List<CaseFact>... parts) {
    BY_TASK.put(taskDefinitionKey, summary(why, parts));
  }

  @SafeVarargs
  private static Summary summary(String why, List<CaseFact>... parts) {
    Set<CaseFact> facts = new LinkedHashSet<>();
    Stream.of(parts).forEach(facts::addAll);
    return new Summary(List.copyOf(facts), why);
  }
}
