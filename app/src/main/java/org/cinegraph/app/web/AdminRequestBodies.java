package org.cinegraph.app.web;

import static org.cinegraph.kernel.problems.Problems.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An admin action accepts only the content types it documents. One that takes a body says which in its mapping's
 * {@code consumes} (Spring refuses the others with 415); one that takes none refuses any request that sends a
 * {@code Content-Type}. That shuts out, besides sloppy clients, what another site's page can send without asking
 * first: a form ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}) or {@code text/plain}.
 */
class AdminRequestBodies implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getContentType() == null || safe(request)) {
            return true;
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping == null || mapping.consumes().length > 0) {
            return true;
        }
        throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "No body expected",
                "This action takes no request body: send it without one (and without a Content-Type).");
    }

    private static boolean safe(HttpServletRequest request) {
        String method = request.getMethod();
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method);
    }
}
