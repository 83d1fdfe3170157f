package org.nrm.casesummary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every form opens with its case's summary, drawn from the single interview and the rules'
 * decisions, and an institution reads through its task what that task shows and nothing more.
 */
@NrmIntegrationTest
class CaseSummaryOnFormsIntegrationTest {

  /** A woman of 29 from Guatemala, found in Costa Rica, who needs shelter and an interpreter and asks for women staff. */
  static final String INTAKE = """
      {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "ngo-outreach",
       "detectionPlace": {"country": "CR", "region": "Limón"}, "sex": "female", "ageYears": 29,
       "nationality": "GT", "migrationStatus": "irregular", "languages": ["es", "en"], "pregnant": true,
       "acts": ["recruitment", "transportation"], "means": ["deception"], "purposes": ["sexual-exploitation"],
       "riskFactors": ["trafficker-knows-location"], "openProceedingsAgainstPerson": true,
       "needs": {"medicalUrgency": "urgent", "shelter": true, "interpreter": true, "legal": true},
       "carePreferences": {"sameSexStaff": true}}
      """;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void theReviewOfTheScreeningShowsTheFactsTheRulesThatDecidedAndTheProposedReferrals() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(INTAKE, "police.cr");
    Task review = driver.task(opened, "UserTask_ReviewScreening");

    JsonNode form = formVariables("response-team.cr", review);
    List<String> rows = rows(form);

    assertThat(rows).contains("Actos: Captación, Transporte", "Medios: Engaño", "Fines de explotación: Explotación sexual",
        "Edad: 29 años", "Nacionalidad: Guatemala", "Lugar de detección: Limón, Costa Rica", "Situación migratoria: Situación migratoria irregular",
        "Clasificación de las reglas: Presunta víctima de trata", "Delito (código ICCS): 02041",
        "Factores de riesgo: La red conoce su paradero", "Necesita intérprete: Sí", "Idiomas: Español, Inglés",
        "Atención que la persona pide: Pide personal de su mismo sexo para entrevistarla, examinarla y acompañarla",
        "Tiene procesos abiertos en su contra: Sí");
    assertThat(rows).anyMatch(row -> row.startsWith("Detectada el: 20 de noviembre de 2026, 10:30 · Trabajo de calle de una ONG"));
    JsonNode fired = json.readTree(engine.getRuntimeService().getVariable(opened.getId(), "firedRules").toString());
    assertThat(fired).isNotEmpty();
    fired.forEach(rule -> assertThat(rows).contains("Regla aplicada: " + rule.asText()));
    JsonNode referrals = json.readTree(engine.getRuntimeService().getVariable(opened.getId(), "referrals").toString());
    assertThat(rows.stream().filter(row -> row.startsWith("Derivación propuesta: "))).hasSize(referrals.size());
    assertThat(rows).anyMatch(row -> row.startsWith("Derivación propuesta: Albergues (estatales u ONG): ") && row.contains("(plazo: "));
    // the summary, not the case: the intake's own variables stay behind
    assertThat(form.has("caseSummary")).isTrue();
    assertThat(form.has("acts")).isFalse();
    assertThat(form.has("nationality")).isFalse();
    ResponseEntity<String> acts = rest.withBasicAuth("response-team.cr", "demo")
        .getForEntity("/engine-rest/task/{id}/variables/acts", String.class, review.getId());
    assertThat(acts.getStatusCode().value()).isEqualTo(403);
    assertThat(json.readTree(rest.withBasicAuth("response-team.cr", "demo").getForEntity("/engine-rest/task/{id}/variables",
        String.class, review.getId()).getBody()).has("acts")).isFalse();
  }

  @Test
  void theIdentificationShowsWhatTheDecisionWeighsAndTheCarePlanTheNeeds() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(INTAKE, "police.cr");
    driver.runJobs(opened);
    driver.complete(driver.task(opened, "UserTask_ReviewScreening"), java.util.Map.of("immediateAssistanceCoordinated", true));

    List<String> identification = rows(formVariables("response-team.cr", driver.task(opened, "UserTask_DecideIdentification")));
    assertThat(identification).contains("Actos: Captación, Transporte", "Medios: Engaño", "Sexo: Mujer", "Edad: 29 años",
        "Nacionalidad: Guatemala", "Situación migratoria: Situación migratoria irregular", "Se trata como niña, niño o adolescente: No");
    assertThat(identification).anyMatch(row -> row.startsWith("Regla aplicada: Una persona adulta con acto, medio y fin"));
    assertThat(identification).noneMatch(row -> row.startsWith("Necesidades") || row.startsWith("Atención que la persona pide"));

    driver.complete(driver.task(opened, "UserTask_DecideIdentification"),
        java.util.Map.of("identificationDecision", "identified", "identificationReason", "Elementos acreditados"));
    driver.runJobs(opened);
    List<String> carePlan = rows(formVariables("response-team.cr", driver.task(opened, "UserTask_AgreeCarePlan")));
    assertThat(carePlan).contains("Urgencia médica: Urgente", "Necesidades: Necesita alojamiento seguro; Necesita asesoría legal",
        "Necesita intérprete: Sí", "Idiomas: Español, Inglés", "Está embarazada: Sí", "Tiene alguna discapacidad: No",
        "Pertenece a un pueblo indígena: No",
        "Atención que la persona pide: Pide personal de su mismo sexo para entrevistarla, examinarla y acompañarla",
        "Identificación formal: Identificada como víctima de trata");
    assertThat(carePlan).noneMatch(row -> row.startsWith("Medios") || row.startsWith("Regla aplicada"));
  }

  @Test
  void anInstitutionAReferralGoesToSeesWhatItsServiceNeedsAndNotTheStory() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(INTAKE, "police.cr");
    driver.reviewAndIdentify(opened, "identified");
    driver.agreeCarePlan(opened, "legal-aid");
    Task shelter = referralTaskOf(opened, "shelter");
    Task legalAid = referralTaskOf(opened, "legal-aid");

    List<String> shelterRows = rows(formVariables("shelter.cr", shelter));
    assertThat(shelterRows).contains("Derivación a: Albergues (estatales u ONG)", "Sexo: Mujer", "Idiomas: Español, Inglés",
        "Atención que la persona pide: Pide personal de su mismo sexo para entrevistarla, examinarla y acompañarla");
    assertThat(shelterRows).noneMatch(row -> row.startsWith("Actos") || row.startsWith("Medios") || row.startsWith("Regla aplicada")
        || row.startsWith("Tiene procesos abiertos"));
    assertThat(rows(formVariables("legal-aid.cr", legalAid))).contains("Tiene procesos abiertos en su contra: Sí",
        "Situación migratoria: Situación migratoria irregular");

    // through the task an institution reads its task's variables and its form's fields, nothing else of the case
    JsonNode all = json.readTree(rest.withBasicAuth("shelter.cr", "demo")
        .getForEntity("/engine-rest/task/{id}/variables", String.class, shelter.getId()).getBody());
    assertThat(all.has("caseSummary")).isTrue();
    assertThat(all.has("institution")).as("a field of its form").isTrue();
    assertThat(all.has("acts")).isFalse();
    assertThat(all.has("identificationReason")).isFalse();
    ResponseEntity<String> deadline = rest.withBasicAuth("shelter.cr", "demo")
        .getForEntity("/engine-rest/task/{id}/variables/dueInHours", String.class, shelter.getId());
    assertThat(deadline.getStatusCode().value()).as("a variable of the referral its form does not show").isEqualTo(403);
    assertThat(json.readTree(deadline.getBody()).path("message").asText()).contains("cada institución ve del caso lo que su tarea necesita");
    assertThat(rest.withBasicAuth("shelter.cr", "demo").getForEntity("/engine-rest/task/{id}/variables/institution", String.class,
        shelter.getId()).getStatusCode().value()).isEqualTo(200);
    // coordination reads whole cases, as in Cockpit
    assertThat(json.readTree(rest.withBasicAuth("coordination.cr", "demo")
        .getForEntity("/engine-rest/task/{id}/variables", String.class, shelter.getId()).getBody()).has("dueInHours")).isTrue();
  }

  @Test
  void childProtectionSeesTheChildsSituationInTheCarePlanOfAChild() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(INTAKE.replace("\"ageYears\": 29", "\"ageYears\": 15, \"accompaniedBy\": \"unrelated-adult\"")
        .replace("\"riskFactors\": [\"trafficker-knows-location\"]", "\"riskFactors\": [\"family-involved\"]"), "police.cr");
    driver.reviewAndIdentify(opened, "identified");
    Task carePlan = driver.task(opened, "UserTask_AgreeCarePlan");
    assertThat(driver.groupOf(carePlan)).isEqualTo("child-protection");

    List<String> rows = rows(formVariables("child-protection.cr", carePlan));
    assertThat(rows).contains("Edad: 15 años", "Se trata como niña, niño o adolescente: Sí", "Acompañamiento: Persona adulta no familiar",
        "Factores de riesgo: Familia involucrada", "Atención que la persona pide: Pide personal de su mismo sexo para entrevistarla,"
            + " examinarla y acompañarla", "Necesita intérprete: Sí");
  }

  @Test
  void anInstitutionSearchesItsTasksByTheTasksOwnVariablesNotTheCases() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(INTAKE, "police.cr");
    Task review = driver.task(opened, "UserTask_ReviewScreening");

    ResponseEntity<String> byCase = rest.withBasicAuth("response-team.cr", "demo")
        .getForEntity("/engine-rest/task?processVariables=nationality_eq_GT", String.class);
    assertThat(byCase.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(byCase.getBody()).path("message").asText()).isEqualTo(TaskSearchByTaskVariablesPlugin.REFUSAL);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String filterId = engine.getFilterService().createFilterQuery().filterName("Tareas de mi institución").list().get(0).getId();
    ResponseEntity<String> inAFilter = rest.withBasicAuth("response-team.cr", "demo").exchange("/engine-rest/filter/" + filterId + "/count",
        HttpMethod.POST, new HttpEntity<>("{\"orQueries\": [{\"processVariables\": [{\"name\": \"acts\", \"operator\": \"like\","
            + " \"value\": \"%recruitment%\"}]}]}", headers), String.class);
    assertThat(inAFilter.getStatusCode().value()).as(inAFilter.getBody()).isEqualTo(400);
    JsonNode ownFilter = json.readTree(rest.withBasicAuth("response-team.cr", "demo").postForEntity("/engine-rest/filter/create",
        new HttpEntity<>("{\"resourceType\": \"Task\", \"name\": \"Por nacionalidad\", \"owner\": \"response-team.cr\", \"query\": {\"processVariables\":"
            + " [{\"name\": \"nationality\", \"operator\": \"eq\", \"value\": \"GT\"}]}}", headers), String.class).getBody());
    assertThat(rest.withBasicAuth("response-team.cr", "demo").exchange("/engine-rest/filter/" + ownFilter.path("id").asText() + "/count",
        HttpMethod.POST, new HttpEntity<>("{}", headers), String.class).getStatusCode().value()).as("a filter of its own").isEqualTo(400);

    JsonNode byTask = json.readTree(rest.withBasicAuth("response-team.cr", "demo")
        .getForEntity("/engine-rest/task?taskVariables=caseNumber_eq_" + opened.getBusinessKey(), String.class).getBody());
    assertThat(byTask).extracting(task -> task.path("id").asText()).containsExactly(review.getId());
    assertThat(rest.withBasicAuth("coordination.cr", "demo").getForEntity("/engine-rest/task?processVariables=nationality_eq_GT",
        String.class).getStatusCode().value()).isEqualTo(200);
  }

  private Task referralTaskOf(ProcessInstance opened, String institution) {
    return new InstitutionTasks(engine).referralOf(opened.getId(), institution);
  }

  /** As Tasklist loads a Camunda Form's variables: JSON values as JSON text. */
  private JsonNode formVariables(String userId, Task task) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(userId, "demo")
        .getForEntity("/engine-rest/task/{id}/form-variables?deserializeValues=false", String.class, task.getId());
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  /** "Fact: value", as the form's table shows each row. */
  private List<String> rows(JsonNode formVariables) throws Exception {
    JsonNode summary = json.readTree(formVariables.path("caseSummary").path("value").asText());
    List<String> rows = new ArrayList<>();
    summary.forEach(row -> rows.add(row.path("fact").asText() + ": " + row.path("value").asText()));
    return rows;
  }
}
