package io.souq.catalog.web;

import io.souq.catalog.Catalog;
import io.souq.catalog.CatalogProperties;
import io.souq.catalog.ProductSearch;
import io.souq.catalog.ProductSort;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web slice of the catalog: request parsing, validation and problem documents, with
 * the catalog itself replaced (security filters are the resource server's, tested in the
 * IT).
 */
@WebMvcTest(controllers = ProductController.class,
		excludeAutoConfiguration = OAuth2ResourceServerAutoConfiguration.class)
@AutoConfigureMockMvc(addFilters = false)
class ProductControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@Test
	void refusesAnInvalidProductListingEveryFieldWithoutTouchingTheCatalog() throws Exception {
		this.mvc.perform(post("/api/products").contentType(MediaType.APPLICATION_JSON).content("""
				{"sku": "lower case", "name": " ", "category": "A/B", "weightGrams": -1,
				 "prices": [{"amount": "0", "currency": "EURO"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("sku", "name", "category",
					"weightGrams", "prices[0].amount", "prices[0].currency")));
		this.mvc.perform(post("/api/products").contentType(MediaType.APPLICATION_JSON).content("{\"sku\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.catalog);
	}

	@Test
	void readsTheListingParametersAndDefaultsThePriceCurrency() throws Exception {
		given(this.catalog.search(any(), any())).willReturn(Page.empty(PageRequest.of(2, 100)));
		this.mvc.perform(get("/api/products?q=mint&category=Kitchen&minPrice=5&sort=price,desc&page=2&size=500"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(100))
			.andExpect(jsonPath("$.page").value(2));
		ArgumentCaptor<ProductSearch> search = ArgumentCaptor.forClass(ProductSearch.class);
		then(this.catalog).should().search(search.capture(), any());
		assertThat(search.getValue().text()).isEqualTo("mint");
		assertThat(search.getValue().category()).isEqualTo("kitchen");
		assertThat(search.getValue().currency()).isEqualTo("EUR");
		assertThat(search.getValue().minPrice()).isEqualByComparingTo("5");
		assertThat(search.getValue().sort().key()).isEqualTo(ProductSort.Key.PRICE);
	}

	@Test
	void answersBadParametersAndUnknownProductsWithProblemDocuments() throws Exception {
		this.mvc.perform(get("/api/products?minPrice=ten&maxPrice=1&sort=colour&currency=GBP&page=-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.hasItems("minPrice", "sort", "currency", "page")));
		given(this.catalog.get("nope")).willThrow(ProblemException.notFound("There is no product nope."));
		this.mvc.perform(get("/api/products/nope"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no product nope."))
			.andExpect(jsonPath("$.instance").value("/api/products/nope"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CatalogProperties.class)
	@Import(ProblemHandler.class)
	static class Slice {

	}

}
