package org.nrm.deployment;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Where each element with an id starts in a model's XML, so that a problem points at its line. */
final class ElementLines {

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private ElementLines() {}

  /** Line and column by element id; empty when the XML cannot be read. */
  static Map<String, int[]> of(byte[] xml) {
    Map<String, int[]> lines = new HashMap<>();
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          String id = reader.getAttributeValue(null, "id");
          if (id != null) {
            lines.putIfAbsent(id, new int[] {reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber()});
          }
        }
      }
    } catch (XMLStreamException unreadable) {
      return Map.of();
    }
    return lines;
  }
}
