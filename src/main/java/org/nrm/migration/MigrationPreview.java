package org.nrm.migration;

import java.util.List;
import org.nrm.web.ApiError;

/**
 * What a migration would do, before it is done: the two versions, the instructions (Camunda's for
 * the elements with the same id, the caller's for the others), how many cases run on the version in
 * use and on which elements they are (an element id and a count, never a case), the elements that
 * have cases and nowhere to go, and each problem in Spanish with the request field it concerns.
 * Nothing in it identifies a person or a case.
 */
public record MigrationPreview(Version source, Version target, long runningCases, List<Instruction> instructions,
    List<ActiveElement> activeElements, List<ActiveElement> unmapped, List<ApiError.Field> problems, boolean migratable) {

  /** A version of a process: its definition id, key, number and the name of the deployment that brought it (its reason). */
  public record Version(String id, String key, int version, String deploymentName) {}

  /**
   * Cases on {@code from} move to {@code to}. {@code origin}: {@value #SAME_ID} (Camunda's, same
   * id in both versions), {@value #MAPPING} (the caller's) or {@value #MULTI_INSTANCE_BODY} (the
   * body of a multi-instance activity the caller mapped).
   */
  public record Instruction(String from, String to, boolean updateEventTrigger, String origin) {
    public static final String SAME_ID = "same-id";
    public static final String MAPPING = "mapping";
    public static final String MULTI_INSTANCE_BODY = "multi-instance-body";
  }

  /**
   * An element where cases are: an activity they are on ({@value #ACTIVITY}) or a timer of theirs
   * that waits ({@value #TIMER}, a deadline); {@code to} is where they move, null when nowhere.
   */
  public record ActiveElement(String element, String kind, long cases, String to) {
    public static final String ACTIVITY = "activity";
    public static final String TIMER = "timer";
  }
}
