package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Costa Rica's coordination keeps its directory in Cockpit ("Prestadores"): it finds the demo
 * shelters, registers a provider (a refusal first, in Spanish, naming the fields), deactivates it
 * with the reason and reads its history. Screenshots under target/browser-screenshots (providers-*.png).
 */
@NrmIntegrationTest
class ProviderDirectoryBrowserTest extends InChromium {

  @Autowired JdbcTemplate jdbc;

  @Test
  void coordinationRegistersDeactivatesAndReadsTheHistoryOfAProvider() throws Exception {
    browser.logIn("cockpit", "coordination.cr", "Procesos");
    browser.screenshot("providers-0-cockpit.png");
    browser.click(By.xpath("//a[normalize-space()='Prestadores']"));
    browser.waitForText("Directorio de prestadores de servicios");
    browser.waitFor(By.cssSelector("tr[data-provider='Albergue Ficticio Amanecer (demo)']"));
    browser.choose(By.id("nrm-filter-service"), "shelter");
    browser.until(shelters -> !browser.isShown(By.cssSelector("tr[data-provider='Clínica Ficticia Esperanza (demo)']")));
    assertThat(browser.pageText()).contains("Albergue Ficticio Amanecer (demo)", "Casa Refugio Ficticia Sol (demo)", "3 de 12");
    browser.screenshot("providers-1-shelters.png");

    browser.clickText("Registrar prestador");
    browser.type(By.id("nrm-name"), "Centro de prueba del navegador");
    browser.click(By.cssSelector(".nrm-form button[type='submit']"));
    browser.waitForText("El prestador no es válido; el directorio no cambió.");
    assertThat(browser.pageText()).contains("Institución: Obligatorio.", "Servicios que presta: Obligatorio: al menos un valor.",
        "Contacto: Indique al menos un teléfono o un correo.");
    browser.screenshot("providers-2-refused.png");

    browser.choose(By.id("nrm-institution"), "health");
    browser.choose(By.id("nrm-sector"), "public");
    browser.click(By.id("nrm-service-psychological"));
    browser.click(By.id("nrm-region-CR-L"));
    browser.click(By.id("nrm-age-adults"));
    browser.click(By.id("nrm-sex-female"));
    browser.type(By.id("nrm-phone"), "+506 2000 7777" + Keys.TAB);
    browser.click(By.cssSelector(".nrm-form button[type='submit']"));
    browser.waitForText("Se guardó «Centro de prueba del navegador» (versión 1).");
    browser.screenshot("providers-3-registered.png");
    assertThat(jdbc.queryForObject("select updated_by from nrm_provider where name = ?", String.class, "Centro de prueba del navegador"))
        .isEqualTo("coordination.cr");

    browser.choose(By.id("nrm-filter-service"), "");
    browser.click(By.xpath("//tr[@data-provider='Centro de prueba del navegador']//button[normalize-space()='Desactivar']"));
    browser.type(By.id("nrm-reason"), "Registrado por error");
    browser.click(By.xpath("//button[@type='submit'][normalize-space()='Desactivar']"));
    browser.waitForText("Se desactivó «Centro de prueba del navegador».");
    browser.click(By.id("nrm-filter-inactive"));
    browser.click(By.xpath("//tr[@data-provider='Centro de prueba del navegador']//button[normalize-space()='Historial']"));
    browser.waitForText("Historial de «Centro de prueba del navegador»");
    assertThat(browser.pageText()).contains("Registrado", "Desactivado", "Registrado por error");
    browser.screenshot("providers-4-history.png");

    // the session writes only with the webapps' CSRF token, which a page of another site cannot read
    HttpClient http = HttpClient.newHttpClient();
    String session = "JSESSIONID=" + browser.cookie("JSESSIONID");
    for (String token : new String[] {null, "not-the-token", browser.cookie("XSRF-TOKEN")}) {
      HttpRequest.Builder write = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/providers"))
          .header("Cookie", session).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
      if (token != null) {
        write.header("X-XSRF-TOKEN", token);
      }
      int status = http.send(write.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(status).as("a write with the session and the token " + token)
          .isEqualTo(token != null && token.equals(browser.cookie("XSRF-TOKEN")) ? 400 : 401);
    }
  }

  @Test
  void aRegionalCoordinatorSeesTheProvidersOfAllTheirJurisdictionsTogether() throws Exception {
    browser.logIn("cockpit", "coordination.regional", "Procesos");
    browser.click(By.xpath("//a[normalize-space()='Prestadores']"));
    // below the fold of Cockpit's view: on the page, not necessarily in sight
    browser.until(page -> !page.findElements(By.cssSelector("tr[data-provider='Hogar Ficticio Nuevo Amanecer (demo)']")).isEmpty());
    assertThat((String) browser.script("return document.querySelector('.nrm-table').textContent;"))
        .contains("Albergue Ficticio Amanecer (demo) (CR)", "Hogar Ficticio Nuevo Amanecer (demo) (GT)");
    browser.screenshot("providers-5-regional.png");
  }
}
