package org.nrm.referral.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.referral.ConsentWithdrawal;
import org.nrm.referral.ReferralConsents;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's consent to a referral to a provider: what was answered and shared
 * ({@code GET /api/referrals/{id}/consents}), and its withdrawal
 * ({@code POST /api/referrals/{id}/consent-withdrawal}, {@code {"reason": "…"}}).
 */
@RestController
@RequestMapping("/api/referrals/{referralId}")
class ReferralConsentController {

  private final ConsentWithdrawal withdrawal;
  private final IdentityService identity;

  ReferralConsentController(ConsentWithdrawal withdrawal, IdentityService identity) {
    this.withdrawal = withdrawal;
    this.identity = identity;
  }

  @GetMapping("/consents")
  Map<String, Object> consents(@PathVariable String referralId) {
    List<Object> history = withdrawal.history(referralId, caller());
    return Map.of("consents", history.get(0), "shares", history.get(1));
  }

  @PostMapping("/consent-withdrawal")
  ReferralConsents.Consent withdraw(@PathVariable String referralId, @RequestBody(required = false) JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest(ApiError.withField("No se registró el retiro.", "reason", "Envíe {\"reason\": \"…\"}."));
    }
    JsonNode reason = body.path("reason");
    return withdrawal.withdraw(referralId, reason.isTextual() ? reason.asText() : null, caller());
  }

  private Authentication caller() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ApiError.of("Inicie sesión."));
    }
    return caller;
  }
}
