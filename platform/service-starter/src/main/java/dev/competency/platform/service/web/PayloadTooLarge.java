package dev.competency.platform.service.web;

/** A request body went past the limit of its path while it was read; answered with 413. */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(long limit) {
        super(RequestSizeFilter.detail(limit));
    }
}
