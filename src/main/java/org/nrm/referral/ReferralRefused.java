package org.nrm.referral;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A referral's task completed with what cannot be accepted (a provider not offered, a consent not
 * recorded, a full shelter): nothing changes, and the engine REST API and Tasklist answer 400 with
 * the field and the reason in Spanish.
 */
public class ReferralRefused extends FormFieldValidationException {

  private final String field;

  public ReferralRefused(String field, String reason) {
    super(field, "«" + field + "»: " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
