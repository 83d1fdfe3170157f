package org.nrm.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.nrm.benchmark.CaseJourney.Stage;
import org.nrm.intake.IntakeService;
import org.springframework.dao.DataAccessException;

/**
 * Fills the fixture with open tasks through the product's processes, on several threads. First a
 * share of the cases with the engine clock days in the past (their tasks are overdue, and the
 * escalations to coordination fire when the clock is back), then the rest at the present time.
 */
final class Filler {

  /** Jurisdictions and their share of the cases. */
  static final Map<String, Integer> JURISDICTIONS = Map.of("CR", 70, "GT", 30);
  /** Share of the tasks created in the past, in percent, and how many days back. */
  private static final int OVERDUE_PERCENT = 12;
  private static final List<Integer> DAYS_BACK = List.of(45, 20, 8);
  /** Share of open tasks claimed by their institution's user. */
  private static final int CLAIMED_PERCENT = 12;
  /** Share of the cases at each stage. */
  private static final Map<Stage, Integer> STAGES = Map.of(Stage.SCREENING_REVIEW, 18, Stage.IDENTIFICATION, 12,
      Stage.TRACKS_OPEN, 14, Stage.REFERRED, 40, Stage.REFERRALS_ANSWERED, 13, Stage.DURABLE_SOLUTION, 3);
  private static final int ATTEMPTS = 4;

  private final ProcessEngine engine;
  private final IntakeService intake;
  private final int threads;
  private final long seed;
  private final PrintStream out;
  private final AtomicLong tasksCreated = new AtomicLong();
  private final AtomicInteger casesOpened = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();

  Filler(FillNode node, int threads, long seed, PrintStream out) {
    this.engine = node.bean(ProcessEngine.class);
    this.intake = node.bean(IntakeService.class);
    this.threads = threads;
    this.seed = seed;
    this.out = out;
  }

  /** Fills until at least {@code target} tasks are open; returns the number of cases opened. */
  int fill(int target) throws Exception {
    long overdueTarget = (long) target * OVERDUE_PERCENT / 100;
    try {
      for (int i = 0; i < DAYS_BACK.size(); i++) {
        ClockUtil.offset(-Duration.ofDays(DAYS_BACK.get(i)).toMillis());
        run("past (" + DAYS_BACK.get(i) + " days ago)", overdueTarget * (i + 1) / DAYS_BACK.size(), i + 1);
      }
    } finally {
      ClockUtil.reset();
    }
    fireDueTimers();
    tasksCreated.set(engine.getTaskService().createTaskQuery().count());
    run("present", target, 0);
    if (failures.get() > 0) {
      out.printf("  %d cases failed and were left as they were%n", failures.get());
    }
    return casesOpened.get();
  }

  private void run(String phase, long target, int phaseNumber) throws Exception {
    Instant start = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int worker = 0; worker < threads; worker++) {
      Random random = new Random(seed * 1_000 + phaseNumber * 100 + worker);
      IntakeGenerator intakes = new IntakeGenerator(random.nextLong(), JURISDICTIONS);
      CaseJourney journey = new CaseJourney(intake, engine, random);
      workers.add(pool.submit(() -> {
        while (tasksCreated.get() < target) {
          drive(intakes, journey, random);
        }
        return null;
      }));
    }
    pool.shutdown();
    while (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
      progress(phase, start);
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    progress(phase, start);
  }

  private void drive(IntakeGenerator intakes, CaseJourney journey, Random random) {
    Stage stage = stage(random);
    var body = intakes.next(ClockUtil.getCurrentTime().toInstant());
    for (int attempt = 1; ; attempt++) {
      try {
        String caseId = journey.take(body.deepCopy(), stage);
        journey.claimSome(caseId, body.get("jurisdiction").asText(), CLAIMED_PERCENT);
        tasksCreated.addAndGet(journey.openTaskCount(caseId));
        casesOpened.incrementAndGet();
        return;
      } catch (OptimisticLockingException | DataAccessException concurrent) {
        // a concurrent first case of the year, or a lock conflict: a new attempt opens a new case
        if (attempt == ATTEMPTS) {
          failed(concurrent);
          return;
        }
      }
    }
  }

  private void failed(RuntimeException e) {
    if (failures.incrementAndGet() > Math.max(10, casesOpened.get() / 100)) {
      throw new IllegalStateException("too many cases failed while filling", e);
    }
    out.println("  a case failed: " + e);
  }

  /**
   * With the clock back at the present, the overdue tasks' timers escalate them to coordination. The
   * jobs of one case run on one thread, one after the other, as the job executor's exclusive jobs do.
   */
  private void fireDueTimers() throws Exception {
    Instant start = Instant.now();
    ManagementService management = engine.getManagementService();
    Map<String, List<String>> byCase = management.createJobQuery().executable().timers().list().stream()
        .collect(Collectors.groupingBy(Job::getProcessInstanceId, Collectors.mapping(Job::getId, Collectors.toList())));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger fired = new AtomicInteger();
    List<Future<?>> cases = new ArrayList<>();
    for (List<String> jobs : byCase.values()) {
      cases.add(pool.submit(() -> {
        for (String job : jobs) {
          try {
            management.executeJob(job);
            fired.incrementAndGet();
          } catch (RuntimeException e) {
            failed(e);
          }
        }
      }));
    }
    for (Future<?> done : cases) {
      done.get();
    }
    pool.shutdown();
    out.printf("  escalations: %d overdue timers fired in %.0f s%n", fired.get(), Duration.between(start, Instant.now()).toMillis() / 1e3);
  }

  private void progress(String phase, Instant start) {
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1e3;
    out.printf("  fill %-22s %,9d open tasks, %,7d cases, %5.0f s%n", phase, tasksCreated.get(), casesOpened.get(), seconds);
  }

  private static Stage stage(Random random) {
    int draw = random.nextInt(STAGES.values().stream().mapToInt(Integer::intValue).sum());
    for (Stage stage : Stage.values()) {
      draw -= STAGES.get(stage);
      if (draw < 0) {
        return stage;
      }
    }
    throw new IllegalStateException();
  }
}
