package org.nrm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Camunda's reasons for refusing a migration instruction, as the analyst reads them. */
class ValidationMessagesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Target activity 'UserTask_Gone' does not exist | «UserTask_Gone» no existe en la versión nueva
      Activities have incompatible types (UserTaskActivityBehavior is not compatible with CallActivityBehavior) | los elementos son de tipos distintos: una tarea de usuario no puede pasar a una actividad de llamada
      Events are not of the same type (boundaryTimer != boundaryMessage) | los eventos son de tipos distintos: un temporizador de borde no puede pasar a un mensaje de borde
      There are multiple mappings for source activity id 'UserTask_A': migration instructions [...] | «UserTask_A» tiene más de una correspondencia
      The source activity's event scope (UserTask_A) must be mapped to the target activity's event scope (UserTask_B) | un evento de borde sólo puede pasar a un evento de borde del elemento al que pasa el suyo: «UserTask_A» debe pasar a «UserTask_B»
      Cannot update event trigger because the activity does not define a persistent event trigger | "updateEventTrigger" sólo vale para eventos que esperan (temporizadores, mensajes, señales, condiciones)
      The target gateway must have at least the same number of incoming sequence flows that the source gateway has | la compuerta nueva debe tener al menos tantos flujos de entrada como la anterior
      """)
  void aKnownFailureIsOneSpanishSentence(String failure, String spanish) {
    assertThat(ValidationMessages.of(failure)).isEqualTo(spanish);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Activities have incompatible types (FancyNewBehavior is not compatible with UserTaskActivityBehavior) | los elementos son de tipos distintos: un elemento de tipo FancyNewBehavior no puede pasar a una tarea de usuario
      A reason of a later Camunda version | Camunda no acepta esta correspondencia (A reason of a later Camunda version)
      """)
  void anUnknownTypeOrFailureKeepsCamundasWords(String failure, String spanish) {
    assertThat(ValidationMessages.of(failure)).isEqualTo(spanish);
  }
}
