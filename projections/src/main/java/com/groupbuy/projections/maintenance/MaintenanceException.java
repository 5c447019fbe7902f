package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.ErrorCode;
import org.springframework.http.HttpStatus;

/** A maintenance request that cannot be served; answered as problem+json with its code. */
final class MaintenanceException extends RuntimeException {

    final HttpStatus status;
    final ErrorCode code;

    MaintenanceException(HttpStatus status, ErrorCode code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }
}
