package io.souq.customer;

/**
 * What a signed-in caller may do.
 */
public enum Role {

	CUSTOMER, ADMIN

}
