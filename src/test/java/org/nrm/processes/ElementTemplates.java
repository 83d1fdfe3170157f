package org.nrm.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Camunda Modeler element templates of {@code .camunda/element-templates}, and what a model's
 * templated elements (those with {@code camunda:modelerTemplate}) break of theirs: an unknown
 * template or version, a type the template does not apply to, a fixed value (Hidden) changed, a
 * dropdown's value that is none of its choices, an empty or malformed text.
 */
final class ElementTemplates {

  static final Path FOLDER = Path.of(".camunda", "element-templates");
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private final Map<String, JsonNode> byId;

  private ElementTemplates(Map<String, JsonNode> byId) {
    this.byId = byId;
  }

  static ElementTemplates shipped() {
    Map<String, JsonNode> byId = new TreeMap<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
        JsonNode template = new ObjectMapper().readTree(file.toFile());
        byId.put(template.path("id").asText(), template);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ElementTemplates(byId);
  }

  Map<String, JsonNode> byId() {
    return byId;
  }

  JsonNode get(String id) {
    return Optional.ofNullable(byId.get(id)).orElseThrow(() -> new IllegalArgumentException("no template " + id));
  }

  /** Every property, of every template, whose binding passes the filter. */
  Stream<JsonNode> properties(Predicate<JsonNode> binding) {
    return byId.values().stream().flatMap(template -> template.path("properties").valueStream())
        .filter(property -> binding.test(property.path("binding")));
  }

  static Predicate<JsonNode> boundTo(String name) {
    return binding -> "property".equals(binding.path("type").asText()) && name.equals(binding.path("name").asText());
  }

  static Document read(InputStream model) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The elements of a model that carry camunda:modelerTemplate. */
  static List<Element> templated(Document model) {
    List<Element> templated = new ArrayList<>();
    NodeList all = model.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttributeNS(CAMUNDA, "modelerTemplate")) {
        templated.add(element);
      }
    }
    return templated;
  }

  /** The element with an id (the DOM knows no id attribute without a schema). */
  static Element elementWithId(Document model, String id) {
    NodeList all = model.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
        return (Element) all.item(i);
      }
    }
    return null;
  }

  /** What the templated elements of a model break of their templates; empty when they agree. */
  List<String> problemsOf(Document model) {
    List<String> problems = new ArrayList<>();
    for (Element element : templated(model)) {
      String id = element.getAttribute("id");
      String templateId = element.getAttributeNS(CAMUNDA, "modelerTemplate");
      JsonNode template = byId.get(templateId);
      if (template == null) {
        problems.add(id + ": no template " + templateId + " in " + FOLDER);
        continue;
      }
      String version = element.getAttributeNS(CAMUNDA, "modelerTemplateVersion");
      if (!template.path("version").asText().equals(version)) {
        problems.add(id + ": " + templateId + " has version " + template.path("version").asText() + ", not «" + version + "»");
      }
      String type = "bpmn:" + Character.toUpperCase(element.getLocalName().charAt(0)) + element.getLocalName().substring(1);
      if (template.path("appliesTo").valueStream().map(JsonNode::asText).noneMatch(type::equals)) {
        problems.add(id + ": " + templateId + " does not apply to " + type);
      }
      template.path("properties").forEach(property -> check(id + ": " + templateId, element, property).ifPresent(problems::add));
    }
    return problems;
  }

  private static Optional<String> check(String where, Element element, JsonNode property) {
    JsonNode binding = property.path("binding");
    String bound = binding.path("type").asText() + " " + binding.path("name").asText(binding.path("event").asText());
    Optional<String> value = valueOf(element, binding);
    String type = property.path("type").asText("String");
    if ("Hidden".equals(type) || !property.path("editable").asBoolean(true)) {
      String fixed = property.path("value").asText();
      return value.filter(fixed::equals).isPresent() ? Optional.empty()
          : Optional.of(where + ": " + bound + " is «" + value.orElse("") + "», the template fixes «" + fixed + "»");
    }
    if ("Dropdown".equals(type)) {
      return value.filter(actual -> property.path("choices").valueStream().anyMatch(choice -> choice.path("value").asText().equals(actual)))
          .isPresent() ? Optional.empty() : Optional.of(where + ": " + bound + " is «" + value.orElse("") + "», none of the template's choices");
    }
    JsonNode constraints = property.path("constraints");
    if (constraints.path("notEmpty").asBoolean() && value.filter(actual -> !actual.isBlank()).isEmpty()) {
      return Optional.of(where + ": " + bound + " is empty");
    }
    JsonNode pattern = constraints.path("pattern");
    String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText(null);
    if (regex != null && value.isPresent() && !value.get().matches(regex)) {
      return Optional.of(where + ": " + bound + " «" + value.get() + "» does not match " + regex);
    }
    return Optional.empty();
  }

  /** The element's value for a binding, as the XML has it; empty when it has none. */
  private static Optional<String> valueOf(Element element, JsonNode binding) {
    String name = binding.path("name").asText();
    return switch (binding.path("type").asText()) {
      case "property" -> {
        String attribute = name.startsWith("camunda:") ? element.getAttributeNS(CAMUNDA, name.substring("camunda:".length()))
            : element.getAttribute(name);
        yield attribute.isEmpty() ? Optional.empty() : Optional.of(attribute);
      }
      case "camunda:inputParameter" -> extensions(element, "inputParameter").filter(input -> name.equals(input.getAttribute("name")))
          .map(input -> input.getTextContent().strip()).findFirst();
      case "camunda:executionListener" -> extensions(element, "executionListener")
          .filter(listener -> binding.path("event").asText().equals(listener.getAttribute("event")))
          .map(listener -> listener.getAttribute(binding.path("implementationType").asText())).filter(value -> !value.isEmpty())
          .findFirst();
      default -> throw new IllegalArgumentException("binding " + binding + ": not checked here yet");
    };
  }

  /** The element's own camunda extensions of a kind (not those of the elements inside it). */
  private static Stream<Element> extensions(Element element, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element extensionElements && "extensionElements".equals(extensionElements.getLocalName())) {
        NodeList matches = extensionElements.getElementsByTagNameNS(CAMUNDA, localName);
        for (int i = 0; i < matches.getLength(); i++) {
          found.add((Element) matches.item(i));
        }
      }
    }
    return found.stream();
  }
}
