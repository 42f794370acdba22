package dev.competency.gateway.limits;

/** A request body passed the size limit of its path; answered with 413 and never counted against a service. */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(long limitBytes) {
        super("The request body is larger than the " + limitBytes + " bytes accepted here");
    }
}
