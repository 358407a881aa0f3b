package io.souq.payment;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PaymentRepository extends MongoRepository<Payment, String> {

}
