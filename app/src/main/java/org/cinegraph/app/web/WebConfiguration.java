package org.cinegraph.app.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What every request passes before a controller sees it: its URL's characters, an admin action's body. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminRequestBodies()).addPathPatterns("/api/admin/**");
    }

    /** First of all filters, before Spring Security's: no character a parameter cannot hold gets further. */
    @Bean
    FilterRegistrationBean<UrlCharactersFilter> urlCharacters(ProblemDetailsSecurityHandler problems) {
        FilterRegistrationBean<UrlCharactersFilter> registration =
                new FilterRegistrationBean<>(new UrlCharactersFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
