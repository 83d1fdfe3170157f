package org.nrm.casesummary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nrm.intake.Subdivisions;

/**
 * A fact of the case that a task's summary may show, from the single interview or the rules'
 * decisions, with the words an institution reads. What each task shows is {@link CaseSummaries}.
 */
public enum CaseFact {

  // the detection
  DETECTION("Detección", reading -> reading.row("Detectada el",
      reading.dateTime("detectedAt") + " · " + reading.code("detectionChannel"))),
  DETECTION_PLACE("Lugar de detección", reading -> {
    JsonNode place = reading.scope().get("detectionPlace");
    List<String> parts = new ArrayList<>();
    if (!place.path("region").asText("").isBlank()) {
      parts.add(place.path("region").asText());
    }
    String subdivision = place.path("subdivision").asText("");
    Subdivisions.name(subdivision).ifPresent(name -> parts.add(name + " (" + subdivision + ")"));
    if (!place.path("country").isMissingNode()) {
      parts.add(reading.labels().country(place.path("country").asText()));
    }
    reading.row("Lugar de detección", String.join(", ", parts));
  }),

  // the person
  SEX("Sexo", reading -> reading.row(reading.labels().question("sex"), reading.code("sex"))),
  GENDER_IDENTITY("Identidad de género", reading -> {
    if (!reading.scope().get("genderIdentity").asText("").isBlank()) {
      reading.row("Identidad de género", reading.scope().get("genderIdentity").asText());
    }
  }),
  AGE("Edad", reading -> {
    JsonNode age = reading.scope().get("ageYears");
    boolean possiblyMinor = reading.scope().get("possiblyMinor").asBoolean(false);
    if (age.isNumber()) {
      reading.row("Edad", age.asInt() + (age.asInt() == 1 ? " año" : " años"));
    } else {
      reading.row("Edad", possiblyMinor ? "Desconocida o dudosa; puede ser menor de 18" : "Desconocida");
    }
  }),
  TREATED_AS_CHILD("Se trata como niña, niño o adolescente", reading ->
      reading.row("Se trata como niña, niño o adolescente", CaseReading.yesNo(reading.scope().get("treatAsChild")))),
  ACCOMPANIED_BY("Acompañamiento de la niña, niño o adolescente", reading -> {
    if (reading.scope().get("treatAsChild").asBoolean(false)) {
      reading.row("Acompañamiento", reading.code("accompaniedBy"));
    }
  }),
  NATIONALITY("Nacionalidad", reading -> reading.row("Nacionalidad",
      reading.scope().get("nationality").isMissingNode() ? CaseReading.UNKNOWN
          : reading.labels().country(reading.scope().get("nationality").asText()))),
  MIGRATION_STATUS("Situación migratoria", reading -> reading.row("Situación migratoria", reading.code("migrationStatus"))),
  FEAR_OF_RETURN("Temor a regresar", reading -> reading.question("fearOfReturn")),
  LANGUAGES("Idiomas e intérprete", reading -> {
    reading.row("Idiomas", reading.list(reading.scope().get("languages"), reading.labels()::language, "Ninguno registrado"));
    reading.question("needs", "interpreter");
  }),
  INDIGENOUS("Pueblo indígena", reading -> reading.question("indigenous")),
  DISABILITY("Discapacidad", reading -> reading.question("disability")),
  PREGNANCY("Embarazo", reading -> {
    if (!"male".equals(reading.scope().get("sex").asText())) {
      reading.question("pregnant");
    }
  }),
  CARE_REQUESTED("Atención que la persona pide (principio 13)", reading -> reading.row("Atención que la persona pide",
      reading.checked("carePreferences", List.of("sameSexStaff", "lgbtqiSensitiveCare"), "Nada en particular"))),

  // what happened
  ELEMENTS_OF_TRAFFICKING("Actos, medios y fines", reading -> {
    reading.row("Actos", reading.codes("acts", "Ninguno registrado"));
    reading.row("Medios", reading.codes("means", "Ninguno registrado"));
    reading.row("Fines de explotación", reading.codes("purposes", "Ninguno registrado"));
  }),
  PURPOSES("Fines de explotación", reading -> reading.row("Fines de explotación", reading.codes("purposes", "Ninguno registrado"))),
  MOVEMENT("Desplazamiento y tráfico ilícito", reading -> {
    reading.question("crossedBorder");
    String smuggling = reading.checked("smuggling",
        List.of("paidForIrregularEntry", "consentedToMovement", "movementEndedOnArrival"), "");
    if (!smuggling.isBlank() && !smuggling.equals(CaseReading.UNKNOWN)) {
      reading.row("Tráfico ilícito de migrantes", smuggling);
    }
  }),
  RISK_FACTORS("Factores de riesgo", reading -> reading.row("Factores de riesgo", reading.codes("riskFactors", "Ninguno registrado"))),

  // what the person needs and chooses
  NEEDS("Necesidades", reading -> {
    reading.row(reading.labels().question("needs.medicalUrgency"),
        reading.scope().get("needs", "medicalUrgency").isMissingNode() ? CaseReading.UNKNOWN
            : reading.labels().code("needs.medicalUrgency", reading.scope().get("needs", "medicalUrgency").asText()));
    reading.row("Necesidades", reading.checked("needs", List.of("shelter", "psychological", "legal", "documents"), "Ninguna registrada"));
  }),
  OPEN_PROCEEDINGS("Procesos abiertos contra la persona (no punición)", reading -> reading.question("openProceedingsAgainstPerson")),
  COMPLAINT_WISH("Si desea denunciar", reading -> reading.row("¿Desea presentar una denuncia?", reading.code("wantsToFileComplaint"))),
  RETURN_WISH("Si desea regresar", reading -> reading.row("¿Desea regresar a su país?", reading.code("wishesToReturn"))),

  // what the rules and the institutions decided
  CLASSIFICATION("Clasificación de las reglas y delito (ICCS)", reading -> {
    JsonNode classification = reading.scope().get("classification");
    reading.row("Clasificación de las reglas",
        classification.isMissingNode() ? CaseReading.UNKNOWN : reading.labels().decision("classification", classification.asText()));
    if (!reading.scope().get("iccsCode").isMissingNode()) {
      reading.row("Delito (código ICCS)", reading.scope().get("iccsCode").asText());
    }
  }),
  RISK_LEVEL("Nivel de riesgo", reading -> {
    JsonNode risk = reading.scope().get("riskLevel");
    reading.row("Nivel de riesgo", risk.isMissingNode() ? CaseReading.UNKNOWN : reading.labels().decision("riskLevel", risk.asText()));
  }),
  RULES_THAT_DECIDED("Reglas que decidieron", reading -> reading.scope().get("firedRules")
      .forEach(rule -> reading.row("Regla aplicada", rule.asText()))),
  PROPOSED_REFERRALS("Derivaciones propuestas por las reglas", reading -> {
    JsonNode referrals = reading.scope().get("referrals");
    if (referrals.isEmpty()) {
      reading.row("Derivaciones propuestas", "Ninguna");
    }
    referrals.forEach(referral -> reading.row("Derivación propuesta", reading.labels().institution(referral.path("institution").asText())
        + ": " + referral.path("reason").asText() + " (plazo: " + deadline(referral) + ")"));
  }),
  IDENTIFICATION("Identificación formal", reading -> {
    JsonNode decision = reading.scope().get("identificationDecision");
    if (!decision.isMissingNode()) {
      reading.row("Identificación formal", reading.labels().decision("identificationDecision", decision.asText()));
    }
  }),
  RETURN_SAFETY("Riesgo del retorno y lo que lo impide", reading -> {
    JsonNode returnRisk = reading.scope().get("returnRiskLevel");
    if (!returnRisk.isMissingNode()) {
      reading.row("Riesgo del retorno", reading.labels().decision("riskLevel", returnRisk.asText()));
    }
    blockers(reading, "repatriationAllowed", "repatriationBlockedBy", "Repatriación");
  }),
  CONSULAR_NOTIFICATION("Si se puede avisar al consulado", reading ->
      blockers(reading, "consularNotificationAllowed", "consularNotificationBlockedBy", "Aviso al consulado")),
  REFERRAL("La derivación", reading -> {
    JsonNode institution = reading.scope().get("institution");
    if (!institution.isMissingNode()) {
      reading.row("Derivación a", reading.labels().institution(institution.asText()));
      if (!reading.scope().get("providerName").asText("").isBlank()) {
        reading.row("Prestador", reading.scope().get("providerName").asText());
      }
      reading.row("Motivo de la derivación", reading.scope().get("reason").asText(CaseReading.UNKNOWN));
    }
  });

  private final String description;
  private final Consumer<CaseReading> rendering;

  CaseFact(String description, Consumer<CaseReading> rendering) {
    this.description = description;
    this.rendering = rendering;
  }

  /** What the fact is, in the words of the README's table. */
  public String description() {
    return description;
  }

  void write(CaseReading reading) {
    rendering.accept(reading);
  }

  private static String deadline(JsonNode referral) {
    int hours = referral.path("dueInHours").asInt();
    if (referral.path("workingDays").asBoolean(false)) {
      int days = Math.max(1, hours / 24);
      return days + (days == 1 ? " día hábil" : " días hábiles");
    }
    return hours + " h";
  }

  private static void blockers(CaseReading reading, String allowed, String blockedBy, String what) {
    JsonNode decision = reading.scope().get(allowed);
    if (decision.isMissingNode()) {
      return;
    }
    if (decision.asBoolean()) {
      reading.row(what, "Permitida por las reglas");
    } else {
      reading.row(what, "Impedida: " + reading.list(reading.scope().get(blockedBy), reason -> reason, "sin motivo registrado"));
    }
  }
}
