package org.nrm.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nrm.identity.IdentityFields;

/**
 * A Camunda Form fit to deploy: it parses, its id is the key tasks name (and its file's name), each
 * field's key is a process variable name, identity data are named {@code identity_<field>} (so that
 * they go to the encrypted vault and never become a process variable), and a new version keeps the
 * fields the process reads: those the version in use requires, and those the models that show the
 * form read in their expressions. What a field's value means (its codes) is the data dictionary's.
 */
public final class FormChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
  /** Names that hold identity unless they are the vault's own {@code identity_} fields. */
  private static final Set<String> IDENTITY_LIKE = Set.of("name", "names", "givennames", "familynames", "firstname",
      "lastname", "surname", "surnames", "fullname", "nombre", "nombres", "apellido", "apellidos", "birthdate",
      "dateofbirth", "documenttype", "documentnumber", "passport", "passportnumber", "idnumber", "phone",
      "phonenumber", "telephone", "email", "address", "currentlocation", "telefono", "direccion");

  private FormChecks() {}

  /** The form's id and fields; a form that does not parse is a {@link RefusedForm}. */
  public static FormFields parse(String resourceName, byte[] content) {
    JsonNode form = read(resourceName, content);
    Map<String, FormFields.Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), "", fields);
    return new FormFields(form.path("id").asText(""), fields);
  }

  /** What makes the form unfit in itself: that it does not parse, its id, its keys' naming. */
  public static List<ModelProblem> problemsOf(String resourceName, byte[] content) {
    JsonNode form;
    try {
      form = read(resourceName, content);
    } catch (RefusedForm refused) {
      return List.of(new ModelProblem(null, refused.getMessage()));
    }
    List<ModelProblem> problems = new ArrayList<>();
    String id = form.path("id").asText("");
    String fileId = resourceName.substring(resourceName.lastIndexOf('/') + 1).replaceFirst("\\.form$", "");
    if (!FORM_ID.matcher(id).matches()) {
      problems.add(new ModelProblem(null, "El formulario " + resourceName + " tiene el id «" + id + "»: el id es"
          + " el nombre que las tareas usan en camunda:formRef, en minúsculas con guiones (p. ej. review-screening)"));
    } else if (!id.equals(fileId)) {
      problems.add(new ModelProblem(null, "El formulario " + resourceName + " tiene el id «" + id + "», distinto"
          + " del nombre de su archivo: llámelo forms/" + id + ".form"));
    }
    namingProblems(form.path("components"), "", resourceName, problems);
    return problems;
  }

  /**
   * The fields the process reads that a new version of the form lost: those the version in use
   * ({@code inUse}) requires (and kept, but no longer requires), and those the expressions of the
   * models that show it read ({@code readByModels}).
   */
  public static List<ModelProblem> lostFields(String resourceName, FormFields form, FormFields inUse,
      Set<String> readByModels) {
    List<ModelProblem> problems = new ArrayList<>();
    inUse.fields().forEach((key, field) -> {
      FormFields.Field now = form.fields().get(key);
      boolean read = readByModels.contains(key);
      if (now == null && (field.required() || read)) {
        problems.add(new ModelProblem(null, "El formulario " + resourceName + " ya no tiene el campo «" + key + "», que "
            + (read ? "el proceso lee" : "la versión en uso exige y el producto lee") + ": consérvelo con la misma clave"));
      } else if (now != null && field.required() && !now.required()) {
        problems.add(new ModelProblem(null, "El formulario " + resourceName + " deja de exigir el campo «" + key
            + "», que la versión en uso exige y el producto lee: márquelo como obligatorio"));
      }
    });
    return problems;
  }

  private static JsonNode read(String resourceName, byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      throw new RefusedForm("El formulario " + resourceName + " no es un JSON válido: " + firstLine(e.getMessage()));
    }
    if (form == null || !form.isObject() || !form.path("components").isArray()) {
      throw new RefusedForm("El formulario " + resourceName + " no es un formulario de Camunda: le falta la lista"
          + " «components»");
    }
    return form;
  }

  private static void namingProblems(JsonNode components, String path, String resourceName, List<ModelProblem> problems) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null) {
        String where = "El campo «" + path + key + "» del formulario " + resourceName;
        if (IdentityFields.isIdentity(key)) {
          String field = key.substring(IdentityFields.PREFIX.length());
          if (!IdentityFields.FIELDS.contains(field)) {
            problems.add(new ModelProblem(null, where + " no es un dato de identidad que la bóveda guarde ("
                + String.join(", ", IdentityFields.FIELDS.stream().map(f -> IdentityFields.PREFIX + f).toList())
                + "): quedaría como variable del proceso, a la vista de todas las instituciones"));
          } else if (!path.isEmpty()) {
            problems.add(new ModelProblem(null, where + " está dentro del grupo «" + path.substring(0, path.length() - 1)
                + "»: los datos de identidad van fuera de todo grupo con ruta, para que vayan a la bóveda cifrada"));
          }
        } else if (IDENTITY_LIKE.contains(key.toLowerCase(Locale.ROOT).replace("_", ""))) {
          problems.add(new ModelProblem(null, where + " parece un dato de identidad: llámelo identity_<campo> ("
              + String.join(", ", IdentityFields.FIELDS) + ") para que vaya a la bóveda cifrada y nunca sea una"
              + " variable del proceso"));
        } else if (!VARIABLE_NAME.matcher(key).matches()) {
          problems.add(new ModelProblem(null, where + " no es un nombre de variable: letras y cifras en camelCase,"
              + " empezando por minúscula (p. ej. wantsToFileComplaint)"));
        }
      }
      String groupPath = component.path("path").asText("");
      namingProblems(component.path("components"), groupPath.isEmpty() ? path : path + groupPath + ".", resourceName,
          problems);
    }
  }

  private static void collect(JsonNode components, String path, Map<String, FormFields.Field> fields) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null) {
        fields.put(path + key, new FormFields.Field(component.path("type").asText(""),
            component.path("validate").path("required").asBoolean(false)));
      }
      String groupPath = component.path("path").asText("");
      collect(component.path("components"), groupPath.isEmpty() ? path : path + groupPath + ".", fields);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** A form that cannot be read at all. */
  public static final class RefusedForm extends RuntimeException {
    RefusedForm(String message) {
      super(message);
    }
  }
}
