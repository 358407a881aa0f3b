package io.souq.inventory;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReservationRepository extends MongoRepository<Reservation, String> {

}
