package com.groupbuy.platform.web;

import com.groupbuy.contract.ErrorCode;
import org.springframework.http.HttpStatus;

/** An answer other than success, with the status and stable code the caller sees in problem+json. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ErrorCode code;

    public ApiException(HttpStatus status, ErrorCode code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
