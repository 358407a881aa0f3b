package io.souq.order;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OrderRepository extends MongoRepository<Order, String> {

	Optional<Order> findByCheckoutKey(String checkoutKey);

	Page<Order> findByCustomerIdOrderByCreatedAtDesc(String customerId, Pageable pageable);

}
