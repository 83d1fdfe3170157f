package org.nrm.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.springframework.stereotype.Component;

/**
 * Every String variable the engine stores fits its column and holds text: at most
 * {@value #MAX_LENGTH} UTF-16 units (Camunda keeps a String in {@code TEXT_ varchar(4000)}), no
 * control characters but tab and line breaks, no lone surrogates. A form submitted through the REST
 * API past form-js's {@code maxLength} (or any other caller) gets a 400 in Spanish and nothing is
 * stored, instead of the database's 500 "value too long" that rolls the transaction back.
 */
@Component
class StringVariableBoundsPlugin extends AbstractProcessEnginePlugin {

  static final int MAX_LENGTH = 4000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = new ArrayList<>();
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    serializers.add(new BoundedStringSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  /** Camunda's String serializer (same name, same columns), checking what it writes. */
  static final class BoundedStringSerializer extends StringValueSerializer {
    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      String problem = problem(value.getValue());
      if (problem != null) {
        // the exception Camunda's REST API answers with 400 when a form is submitted or a task completed
        throw new FormFieldValidationException(fields.getName(), "La variable «" + echo(fields.getName()) + "» " + problem
            + "; no se guardó ningún cambio.");
      }
      super.writeValue(value, fields);
    }
  }

  /** What is wrong with the text, in Spanish; null when nothing is. */
  static String problem(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_LENGTH) {
      return "no puede tener más de " + MAX_LENGTH + " caracteres (tiene " + text.length() + ")";
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      // a lone surrogate is a code point of its own, of type SURROGATE; a pair is one code point
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || Character.getType(c) == Character.SURROGATE) {
        return "contiene caracteres no permitidos (caracteres de control o sustitutos UTF-16 sueltos)";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  private static String echo(String name) {
    String shown = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\p{Cs}]", "\uFFFD");
    return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
  }
}
