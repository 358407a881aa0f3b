package io.souq.customer;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CustomerRepository extends MongoRepository<Customer, String> {

	Optional<Customer> findByEmail(String email);

}
