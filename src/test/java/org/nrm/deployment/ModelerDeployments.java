package org.nrm.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Deployments as Camunda Modeler makes them: one multipart POST to /engine-rest/deployment/create. */
final class ModelerDeployments {

  private final TestRestTemplate rest;

  ModelerDeployments(TestRestTemplate rest) {
    this.rest = rest;
  }

  static String shipped(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deploys the files (file name to text) with this deployment name, as {@code userId}. */
  ResponseEntity<String> deploy(String userId, String deploymentName, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    files.forEach((fileName, text) -> parts.add(fileName, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(userId, "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }

  ResponseEntity<String> deploy(String deploymentName, String fileName, String text) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(fileName, text);
    return deploy("analysts.cr", deploymentName, files);
  }
}
