package org.nrm.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Time to take every decision (all domains) for one case, after warm-up, over generated
 * cases. Run: {@code mvn -Pbenchmark test-compile exec:java} (options: -Dcases=N -Dwarmup=N -Dseed=N).
 * A benchmark to rerun and compare, not a test: it asserts nothing.
 */
public final class RulesBenchmark {

  private static final List<String> ACTS = List.of("recruitment", "transportation", "transfer", "harbouring", "receipt");
  private static final List<String> MEANS = List.of("threat", "force", "coercion", "abduction", "fraud", "deception",
      "abuse-of-power", "abuse-of-vulnerability", "payments");
  private static final List<String> PURPOSES = List.of("sexual-exploitation", "forced-labour", "servitude", "slavery",
      "organ-removal", "forced-begging", "forced-marriage", "forced-criminality", "illegal-adoption", "other-exploitation");
  private static final List<String> RISK_FACTORS = List.of("threats-received", "trafficker-knows-location", "family-involved",
      "debt-bondage", "documents-retained", "trafficker-at-large", "previous-victimisation", "substance-dependency");
  private static final List<String> ORIGIN_RISK_FACTORS = List.of("trafficking-network-in-origin", "threats-to-family",
      "armed-violence", "no-safe-accommodation", "community-rejection", "no-means-of-livelihood");
  private static final List<String> STATUSES = List.of("national", "regular", "irregular", "asylum-seeker", "refugee", "unknown");
  private static final List<String> JURISDICTIONS = List.of("CR", "GT", "SV", "HN", "NI", "PA", "MX", "DO", "BZ");
  private static final List<String> URGENCIES = List.of("none", "non-urgent", "urgent", "emergency");

  private RulesBenchmark() {}

  public static void main(String[] args) {
    int cases = Integer.getInteger("cases", 20_000);
    int warmup = Integer.getInteger("warmup", 20_000);
    Random random = new Random(Long.getLong("seed", 42L));

    long compileStart = System.nanoTime();
    CaseDecisionService rules = new CaseDecisionService(ClasspathRules.compile("benchmark"));
    double compileMillis = (System.nanoTime() - compileStart) / 1e6;

    List<CaseFacts> warmupCases = generate(warmup, random);
    List<CaseFacts> measuredCases = generate(cases, random);
    long sink = 0;
    for (CaseFacts facts : warmupCases) {
      sink += rules.decideAll(facts).firedRules().size();
    }
    long[] nanos = new long[cases];
    for (int i = 0; i < cases; i++) {
      long start = System.nanoTime();
      sink += rules.decideAll(measuredCases.get(i)).firedRules().size();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("Rule set compiled in %.0f ms%n", compileMillis);
    System.out.printf("All decision domains per case, %d cases after %d warm-up (fired rules: %d)%n", cases, warmup, sink);
    System.out.printf("  median %.3f ms | p90 %.3f ms | p99 %.3f ms | max %.3f ms%n",
        percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), nanos[cases - 1] / 1e6);
  }

  private static double percentile(long[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static List<CaseFacts> generate(int count, Random random) {
    List<CaseFacts> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      CaseFacts facts = new CaseFacts();
      facts.setJurisdiction(pick(JURISDICTIONS, random));
      facts.setAgeYears(random.nextInt(10) == 0 ? null : random.nextInt(70));
      facts.setPossiblyMinor(random.nextInt(8) == 0);
      facts.setNationality(pick(JURISDICTIONS, random));
      facts.setMigrationStatus(pick(STATUSES, random));
      facts.setFearOfReturn(random.nextInt(5) == 0);
      facts.setAccompaniedBy(pick(List.of("parent", "guardian", "unrelated-adult", "none"), random));
      facts.setActs(some(ACTS, random));
      facts.setMeans(some(MEANS, random));
      facts.setPurposes(some(PURPOSES, random));
      facts.setCrossedBorder(random.nextBoolean());
      facts.getSmuggling().setPaidForIrregularEntry(random.nextBoolean());
      facts.getSmuggling().setConsentedToMovement(random.nextBoolean());
      facts.getSmuggling().setMovementEndedOnArrival(random.nextBoolean());
      facts.setRiskFactors(some(RISK_FACTORS, random));
      facts.setOriginRiskFactors(some(ORIGIN_RISK_FACTORS, random));
      facts.getNeeds().setMedicalUrgency(pick(URGENCIES, random));
      facts.getNeeds().setShelter(random.nextBoolean());
      facts.getNeeds().setLegal(random.nextBoolean());
      facts.getNeeds().setDocuments(random.nextBoolean());
      facts.getNeeds().setPsychological(random.nextBoolean());
      facts.setOpenProceedingsAgainstPerson(random.nextInt(6) == 0);
      facts.setWishesToReturn(pick(List.of("yes", "no", "undecided"), random));
      facts.setWantsToFileComplaint(pick(List.of("yes", "no", "undecided"), random));
      cases.add(facts);
    }
    return cases;
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static Set<String> some(List<String> values, Random random) {
    Set<String> chosen = new LinkedHashSet<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      chosen.add(pick(values, random));
    }
    return chosen;
  }
}
