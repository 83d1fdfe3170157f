package org.nrm.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's reasons for refusing a migration instruction (English, with its class names), said in
 * Spanish for the analyst: one sentence per failure. A failure this table does not know keeps
 * Camunda's text after a Spanish lead, so that nothing is lost.
 */
final class ValidationMessages {

  private static final Map<Pattern, Function<Matcher, String>> FAILURES = new LinkedHashMap<>();
  private static final Map<String, String> BEHAVIOURS = Map.ofEntries(
      Map.entry("UserTaskActivityBehavior", "una tarea de usuario"),
      Map.entry("ReceiveTaskActivityBehavior", "una tarea de recepción"),
      Map.entry("CallActivityBehavior", "una actividad de llamada"),
      Map.entry("SubProcessActivityBehavior", "un subproceso"),
      Map.entry("EventSubProcessActivityBehavior", "un subproceso de evento"),
      Map.entry("ExclusiveGatewayActivityBehavior", "una compuerta exclusiva"),
      Map.entry("ParallelGatewayActivityBehavior", "una compuerta paralela"),
      Map.entry("InclusiveGatewayActivityBehavior", "una compuerta inclusiva"),
      Map.entry("EventBasedGatewayActivityBehavior", "una compuerta basada en eventos"),
      Map.entry("BoundaryEventActivityBehavior", "un evento de borde"),
      Map.entry("IntermediateCatchEventActivityBehavior", "un evento intermedio de captura"),
      Map.entry("ParallelMultiInstanceActivityBehavior", "una actividad multiinstancia paralela"),
      Map.entry("SequentialMultiInstanceActivityBehavior", "una actividad multiinstancia secuencial"),
      Map.entry("ServiceTaskDelegateExpressionActivityBehavior", "una tarea de servicio"),
      Map.entry("ServiceTaskExpressionActivityBehavior", "una tarea de servicio"),
      Map.entry("ClassDelegateActivityBehavior", "una tarea de servicio"),
      Map.entry("ExternalTaskActivityBehavior", "una tarea externa"));
  private static final Map<String, String> EVENTS = Map.ofEntries(
      Map.entry("boundaryTimer", "un temporizador de borde"),
      Map.entry("boundaryMessage", "un mensaje de borde"),
      Map.entry("boundarySignal", "una señal de borde"),
      Map.entry("boundaryConditional", "una condición de borde"),
      Map.entry("boundaryError", "un error de borde"),
      Map.entry("boundaryEscalation", "una escalación de borde"),
      Map.entry("intermediateTimer", "un temporizador intermedio"),
      Map.entry("intermediateMessageCatch", "un mensaje intermedio"),
      Map.entry("intermediateSignalCatch", "una señal intermedia"),
      Map.entry("intermediateConditional", "una condición intermedia"));

  static {
    on("Source activity '(.+)' does not exist", m -> "«" + m.group(1) + "» no existe en la versión en curso");
    on("Target activity '(.+)' does not exist", m -> "«" + m.group(1) + "» no existe en la versión nueva");
    on("Source activity id is null", m -> "falta el elemento de la versión en curso");
    on("Target activity id is null", m -> "falta el elemento de la versión nueva");
    on("Activities have incompatible types \\((\\w+) is not compatible with (\\w+)\\)", m -> "los elementos son de tipos"
        + " distintos: " + behaviour(m.group(1)) + " no puede pasar a " + behaviour(m.group(2)));
    on("Events are not of the same type \\((\\w+) != (\\w+)\\)", m -> "los eventos son de tipos distintos: " + event(m.group(1))
        + " no puede pasar a " + event(m.group(2)));
    on("There are multiple mappings for source activity id '(.+)': .*", m -> "«" + m.group(1) + "» tiene más de una"
        + " correspondencia");
    on("The source activity's event scope \\((.+)\\) must be mapped to the target activity's event scope \\((.+)\\)", m ->
        "un evento de borde sólo puede pasar a un evento de borde del elemento al que pasa el suyo: «" + m.group(1)
            + "» debe pasar a «" + m.group(2) + "»");
    on("The source activity's event scope \\((.+)\\) must be mapped but the target activity has no event scope", m ->
        "el elemento al que está unido este evento («" + m.group(1) + "») también debe tener correspondencia");
    on("The closest mapped ancestor '(.+)' is mapped to scope '(.+)' which is not an ancestor of target scope '(.+)'", m ->
        "el elemento que lo contiene, «" + m.group(1) + "», pasa a «" + m.group(2) + "», que no contiene a «" + m.group(3) + "»");
    on("Target activity '(.+)' is a descendant of multi-instance body '(.+)' that is not mapped from the source process definition\\.?",
        m -> "«" + m.group(1) + "» está dentro de una actividad multiinstancia que no tiene correspondencia en la versión en curso");
    on("Must map the inner activity of a multi-instance body when the body is mapped", m -> "una actividad multiinstancia pasa"
        + " con su actividad interna: falta la correspondencia de la actividad");
    on("Cannot remove the inner activity of a multi-instance body when the body is mapped", m -> "una actividad multiinstancia"
        + " no puede perder su actividad interna");
    on("Conditional event has to migrate with update event trigger\\.?", m -> "un evento condicional sólo pasa con"
        + " \"updateEventTrigger\": true");
    on("Cannot update event trigger because the activity does not define a persistent event trigger", m -> "\"updateEventTrigger\""
        + " sólo vale para eventos que esperan (temporizadores, mensajes, señales, condiciones)");
    on("The target gateway must have at least the same number of incoming sequence flows that the source gateway has", m ->
        "la compuerta nueva debe tener al menos tantos flujos de entrada como la anterior");
    on("The gateway's flow scope '(.+)' must be mapped", m -> "el elemento que contiene la compuerta («" + m.group(1)
        + "») también debe tener correspondencia");
    on("Only one gateway can be mapped to gateway '(.+)'", m -> "sólo una compuerta puede pasar a «" + m.group(1) + "»");
  }

  private ValidationMessages() {}

  /** One of Camunda's failures, in Spanish. */
  static String of(String failure) {
    for (Map.Entry<Pattern, Function<Matcher, String>> known : FAILURES.entrySet()) {
      Matcher matcher = known.getKey().matcher(failure.strip());
      if (matcher.matches()) {
        return known.getValue().apply(matcher);
      }
    }
    return "Camunda no acepta esta correspondencia (" + failure.strip() + ")";
  }

  private static void on(String failure, Function<Matcher, String> spanish) {
    FAILURES.put(Pattern.compile(failure), spanish);
  }

  private static String behaviour(String className) {
    return BEHAVIOURS.getOrDefault(className, "un elemento de tipo " + className);
  }

  private static String event(String type) {
    return EVENTS.getOrDefault(type, "un evento de tipo " + type);
  }
}
