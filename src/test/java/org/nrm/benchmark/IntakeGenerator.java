package org.nrm.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.nrm.intake.Subdivisions;

/**
 * Valid, varied intakes (the single interview of shared/data-dictionary.md) for the benchmark and for
 * any test that needs many cases: every code of every field occurs, in proportions that look like a
 * mechanism's caseload (more adults than children, most cases presumed victims, foreigners and
 * nationals, identities for most). Deterministic for a seed; one generator per thread.
 */
public final class IntakeGenerator {

  static final List<String> CHANNELS = List.of("hotline", "police-operation", "labour-inspection", "border-control",
      "health-service", "ngo-outreach", "self-referral", "consulate", "other");
  static final List<String> ACCOMPANIED_BY = List.of("parent", "guardian", "unrelated-adult", "none");
  static final List<String> FOREIGN_STATUSES = List.of("regular", "irregular", "asylum-seeker", "refugee", "unknown");
  static final List<String> ACTS = List.of("recruitment", "transportation", "transfer", "harbouring", "receipt");
  static final List<String> MEANS = List.of("threat", "force", "coercion", "abduction", "fraud", "deception",
      "abuse-of-power", "abuse-of-vulnerability", "payments");
  static final List<String> PURPOSES = List.of("sexual-exploitation", "forced-labour", "servitude", "slavery",
      "organ-removal", "forced-begging", "forced-marriage", "forced-criminality", "illegal-adoption", "other-exploitation");
  static final List<String> RISK_FACTORS = List.of("threats-received", "trafficker-knows-location", "family-involved",
      "debt-bondage", "documents-retained", "trafficker-at-large", "previous-victimisation", "substance-dependency");
  static final List<String> MEDICAL_URGENCIES = List.of("none", "non-urgent", "urgent", "emergency");
  static final List<String> CHOICES = List.of("yes", "no", "undecided");
  static final List<String> NEEDS_FLAGS = List.of("shelter", "interpreter", "psychological", "legal", "documents");
  static final List<String> SMUGGLING_FLAGS = List.of("paidForIrregularEntry", "consentedToMovement", "movementEndedOnArrival");
  static final List<String> LANGUAGES = List.of("es", "en", "fr", "pt", "ht", "zh", "ar", "hi", "ru", "qu", "gn", "ay");
  /** Countries of the region and beyond, the way victims' nationalities spread in the region's reports. */
  static final List<String> NATIONALITIES = List.of("NI", "HN", "SV", "GT", "CR", "PA", "MX", "DO", "BZ", "VE", "CO",
      "CU", "HT", "EC", "CN", "IN", "PH");
  static final Map<String, List<String>> REGIONS = Map.of(
      "CR", List.of("San José", "Alajuela", "Cartago", "Heredia", "Guanacaste", "Puntarenas", "Limón"),
      "GT", List.of("Guatemala", "Escuintla", "Quetzaltenango", "Petén", "San Marcos", "Huehuetenango", "Izabal", "Jutiapa"));
  private static final List<String> GIVEN_NAMES = List.of("María", "José", "Ana", "Luis", "Rosa", "Carlos", "Lucía",
      "Juan", "Sofía", "Miguel", "Valeria", "Jorge", "Daniela", "Pedro", "Camila", "Wilmer", "Yesenia", "Kevin");
  private static final List<String> FAMILY_NAMES = List.of("López", "García", "Hernández", "Martínez", "Pérez",
      "Rodríguez", "Mejía", "Ramírez", "Castillo", "Vargas", "Mora", "Solís", "Cruz", "Chávez", "Reyes");
  private static final List<String> GENDER_IDENTITIES = List.of("mujer trans", "hombre trans", "no binaria");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Random random;
  private final Map<String, Integer> jurisdictionWeights;
  private final int totalWeight;

  /**
   * @param jurisdictionWeights relative share of each jurisdiction (for example CR 70, GT 30); every
   *     one must be served by the installation, or the intake is refused
   */
  public IntakeGenerator(long seed, Map<String, Integer> jurisdictionWeights) {
    this.random = new Random(seed);
    this.jurisdictionWeights = new LinkedHashMap<>(jurisdictionWeights);
    this.totalWeight = jurisdictionWeights.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** An intake of a jurisdiction chosen by weight, detected in the 30 days before {@code now}. */
  public ObjectNode next(Instant now) {
    return next(jurisdiction(), now);
  }

  public ObjectNode next(String jurisdiction, Instant now) {
    ObjectNode intake = JSON.objectNode();
    intake.put("jurisdiction", jurisdiction);
    Instant detectedAt = now.minus(Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60))).truncatedTo(ChronoUnit.SECONDS);
    intake.put("detectedAt", detectedAt.atOffset(ZoneOffset.ofHours(-6)).toString());
    intake.put("detectionChannel", pick(CHANNELS));
    intake.set("detectionPlace", place(jurisdiction));
    String sex = weighted(Map.of("female", 55, "male", 38, "intersex", 2, "unknown", 5));
    intake.put("sex", sex);
    if (chance(5)) {
      intake.put("genderIdentity", pick(GENDER_IDENTITIES));
    }
    Integer age = age();
    boolean possiblyMinor = age == null ? chance(50) : age >= 16 && age <= 19 && chance(10);
    if (age != null) {
      intake.put("ageYears", age);
    }
    intake.put("possiblyMinor", possiblyMinor);
    boolean child = possiblyMinor || age != null && age < 18;
    String nationality = nationality(jurisdiction);
    intake.put("nationality", nationality);
    if (chance(90)) {
      intake.set("languages", some(LANGUAGES, 1, 2, List.of("es")));
    }
    intake.put("indigenous", chance(10));
    intake.put("disability", chance(5));
    if (!sex.equals("male") && (age == null || age >= 13 && age <= 45)) {
      intake.put("pregnant", chance(6));
    }
    if (child && chance(80)) {
      intake.put("accompaniedBy", pick(ACCOMPANIED_BY));
    }
    boolean national = nationality.equals(jurisdiction);
    intake.put("migrationStatus", national ? "national" : pick(FOREIGN_STATUSES));
    intake.put("fearOfReturn", !national && chance(20));
    intake.set("acts", chance(92) ? some(ACTS, 1, 3, List.of()) : JSON.arrayNode());
    intake.set("means", chance(80) ? some(MEANS, 1, 3, List.of()) : JSON.arrayNode());
    intake.set("purposes", chance(92) ? some(PURPOSES, 1, 2, List.of()) : JSON.arrayNode());
    intake.put("crossedBorder", !national && chance(80));
    if (chance(15)) {
      ObjectNode smuggling = intake.putObject("smuggling");
      SMUGGLING_FLAGS.forEach(flag -> smuggling.put(flag, chance(60)));
    }
    intake.set("riskFactors", some(RISK_FACTORS, 0, 3, List.of()));
    ObjectNode needs = intake.putObject("needs");
    needs.put("medicalUrgency", weighted(Map.of("none", 40, "non-urgent", 30, "urgent", 22, "emergency", 8)));
    NEEDS_FLAGS.forEach(flag -> needs.put(flag, chance(45)));
    intake.put("openProceedingsAgainstPerson", chance(10));
    intake.put("wantsToFileComplaint", weighted(Map.of("yes", 40, "no", 30, "undecided", 30)));
    intake.put("wishesToReturn", weighted(Map.of("yes", 20, "no", 50, "undecided", 30)));
    if (chance(60)) {
      intake.set("identity", identity(age, now));
    }
    return intake;
  }

  private String jurisdiction() {
    int draw = random.nextInt(totalWeight);
    for (Map.Entry<String, Integer> entry : jurisdictionWeights.entrySet()) {
      draw -= entry.getValue();
      if (draw < 0) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("no jurisdiction");
  }

  private ObjectNode place(String jurisdiction) {
    ObjectNode place = JSON.objectNode();
    place.put("country", jurisdiction);
    List<String> regions = REGIONS.get(jurisdiction);
    if (regions != null && chance(90)) {
      place.put("region", pick(regions));
    }
    List<String> subdivisions = List.copyOf(Subdivisions.of(jurisdiction).keySet());
    if (!subdivisions.isEmpty() && chance(85)) {
      // the coded place the statistics count; the rest are counted as unknown
      place.put("subdivision", pick(subdivisions));
    }
    if (chance(30)) {
      // roughly inside Central America; the intake checks only the range
      place.put("lat", Math.round((8 + random.nextDouble() * 10) * 1e4) / 1e4);
      place.put("lon", Math.round((-92 + random.nextDouble() * 10) * 1e4) / 1e4);
    }
    return place;
  }

  /** Age groups 0-11, 12-17, 18-24, 25-59, 60+, and unknown. */
  private Integer age() {
    String group = weighted(Map.of("0-11", 9, "12-17", 21, "18-24", 26, "25-59", 30, "60+", 4, "unknown", 10));
    return switch (group) {
      case "0-11" -> random.nextInt(12);
      case "12-17" -> 12 + random.nextInt(6);
      case "18-24" -> 18 + random.nextInt(7);
      case "25-59" -> 25 + random.nextInt(35);
      case "60+" -> 60 + random.nextInt(chance(2) ? 61 : 30);
      default -> null;
    };
  }

  private String nationality(String jurisdiction) {
    int draw = random.nextInt(100);
    if (draw < 35) {
      return jurisdiction;
    }
    if (draw < 37) {
      return "stateless";
    }
    if (draw < 40) {
      return "unknown";
    }
    return pick(NATIONALITIES);
  }

  private ObjectNode identity(Integer age, Instant now) {
    ObjectNode identity = JSON.objectNode();
    identity.put("givenNames", pick(GIVEN_NAMES) + (chance(40) ? " " + pick(GIVEN_NAMES) : ""));
    identity.put("familyNames", pick(FAMILY_NAMES) + " " + pick(FAMILY_NAMES));
    if (age != null && chance(70)) {
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      identity.put("birthDate", today.minusYears(age).minusDays(1 + random.nextInt(360)).toString());
    }
    if (chance(60)) {
      identity.put("documentType", pick(List.of("passport", "national-id", "birth-certificate")));
      identity.put("documentNumber", String.format("%s%08d", (char) ('A' + random.nextInt(26)), random.nextInt(100_000_000)));
    }
    if (chance(30)) {
      identity.put("phone", String.format("+506 %04d %04d", random.nextInt(10_000), random.nextInt(10_000)));
    }
    return identity;
  }

  /** Between min and max distinct codes; {@code usual} first when given (most people speak Spanish). */
  private ArrayNode some(List<String> codes, int min, int max, List<String> usual) {
    Set<String> chosen = new LinkedHashSet<>();
    if (!usual.isEmpty() && chance(85)) {
      chosen.add(usual.get(0));
    }
    int count = min + random.nextInt(max - min + 1);
    while (chosen.size() < count) {
      chosen.add(pick(codes));
    }
    ArrayNode array = JSON.arrayNode();
    new ArrayList<>(chosen).forEach(array::add);
    return array;
  }

  private String weighted(Map<String, Integer> weights) {
    // Map.of has no stable order: sort for a deterministic draw
    List<Map.Entry<String, Integer>> entries = weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    int draw = random.nextInt(entries.stream().mapToInt(Map.Entry::getValue).sum());
    for (Map.Entry<String, Integer> entry : entries) {
      draw -= entry.getValue();
      if (draw < 0) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** True with the given percentage. */
  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }
}
