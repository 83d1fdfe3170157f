package org.nrm.statistics.query;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.CallerJurisdictions;
import org.nrm.institutions.Institution;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees which statistics: the coordination of a jurisdiction sees its own (a regional
 * coordinator, member of several jurisdictions, sees them together); administrators see every
 * jurisdiction; every other institution and the analysts see none. Aggregates are not cases, but
 * a commission's figures are published by the commission, not by each institution.
 */
@Component
public class StatisticsAccess {

  static final String ADMINISTRATORS = CallerJurisdictions.ADMINISTRATORS;

  private final CallerJurisdictions jurisdictions;

  StatisticsAccess(CallerJurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  /** The jurisdictions the caller may see statistics of; empty for a caller who may see none. */
  public Set<String> jurisdictionsOf(Authentication caller) {
    List<String> groups = CallerJurisdictions.groupsOf(caller);
    if (!groups.contains(ADMINISTRATORS) && !groups.contains(Institution.COORDINATION.id())) {
      return Set.of();
    }
    return jurisdictions.of(caller);
  }

  /**
   * The jurisdictions of an answer: those asked for, each one the caller's, or all of the caller's
   * when none is asked for. Refuses a caller who may see none, and any jurisdiction not theirs.
   */
  public List<String> jurisdictionsFor(Authentication caller, List<String> asked) {
    Set<String> allowed = jurisdictionsOf(caller);
    if (allowed.isEmpty()) {
      throw new ApiException(HttpStatus.FORBIDDEN, ApiError.of("Las estadísticas del mecanismo son para la coordinación (secretaría"
          + " técnica) y la administración; su usuario no pertenece a ninguna de las dos."));
    }
    if (asked.isEmpty()) {
      return List.copyOf(allowed);
    }
    for (String jurisdiction : asked) {
      if (!allowed.contains(jurisdiction)) {
        throw new ApiException(HttpStatus.FORBIDDEN, ApiError.withField("No tiene acceso a las estadísticas de la jurisdicción "
            + jurisdiction + ".", "jurisdiction", "Jurisdicciones a su alcance: " + String.join(", ", allowed) + "."));
      }
    }
    return List.copyOf(new TreeSet<>(asked));
  }
}
