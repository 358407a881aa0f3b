package io.souq.starter.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTests {

	@Test
	void echoesTheCallersCorrelationId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cart");
		request.addHeader(CorrelationIdFilter.HEADER, "abc-123");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CorrelationIdFilter().doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("abc-123");
	}

	@Test
	void replacesAMissingOrUnsafeIdWithANewOne() {
		assertThat(CorrelationIdFilter.correlationId(null)).matches("[0-9a-f-]{36}");
		assertThat(CorrelationIdFilter.correlationId("x\r\nSet-Cookie: a=b")).matches("[0-9a-f-]{36}");
		assertThat(CorrelationIdFilter.correlationId("a".repeat(65))).hasSize(36);
	}

}
