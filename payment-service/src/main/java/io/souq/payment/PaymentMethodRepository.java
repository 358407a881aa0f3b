package io.souq.payment;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PaymentMethodRepository extends MongoRepository<PaymentMethod, String> {

}
