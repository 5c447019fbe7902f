package com.groupbuy.platform.security;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Lets a request through only when its connection is on the loopback interface: the peer's address and the
 * address it connected to. The second cannot be rewritten by forwarding headers ({@code X-Forwarded-For} changes
 * the remote address a server behind a trusted proxy reports), so a caller from another machine is refused
 * whatever it claims. Runs before the body is read: such a caller learns nothing about the request's shape.
 */
final class LoopbackOnly implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isLoopback(request.getRemoteAddr()) && isLoopback(request.getLocalAddr())) {
            return true;
        }
        throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                "Dev tokens are issued only to callers on this machine");
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
