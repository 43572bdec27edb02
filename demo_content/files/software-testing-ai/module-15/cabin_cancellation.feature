# Model answer for the lab "Write BDD Scenarios with Your Team".
# Compare it with yours AFTER you have written your own. Different wording is fine;
# missing rules, missing boundaries or UI steps are not.
Feature: Refunds for cancelled cabin bookings
  Guests who cancel get money back according to their rate and how early they cancel,
  so that flexible guests are treated fairly and Coastline keeps a night's income for late cancellations.

  Background:
    Given a cabin costs 120.00 a night with a cleaning fee of 40.00
    And check-in is on 2026-07-10 at 16:00 cabin time

  Rule: A flexible booking is free to cancel until 48 hours before check-in; after that the first night is kept

    Scenario Outline: Early and late cancellation of a flexible booking
      Given Dana has a flexible booking for 3 nights
      When Dana cancels on <date> at <time>
      Then Dana is refunded <refund>

      Examples:
        | date       | time  | refund |
        | 2026-07-08 | 16:00 | 400.00 |
        | 2026-07-08 | 16:01 | 280.00 |

    Scenario: A late-cancelled one-night flexible booking refunds only the cleaning fee
      Given Dana has a flexible booking for 1 night
      When Dana cancels on 2026-07-09 at 10:00
      Then Dana is refunded 40.00

  Rule: Non-refundable bookings refund only the cleaning fee

    Scenario: Cancelling a non-refundable booking a month ahead
      Given Dana has a non-refundable booking for 3 nights
      When Dana cancels on 2026-06-10 at 09:00
      Then Dana is refunded 40.00

  Rule: When Coastline cancels, the guest gets everything back on any rate

    Scenario: Coastline cancels a non-refundable booking for repairs
      Given Dana has a non-refundable booking for 3 nights
      When Coastline cancels the booking on 2026-07-09 at 12:00
      Then Dana is refunded 400.00

  Rule: Cancelling at or after check-in time refunds nothing

    Scenario: Dana cancels at check-in time
      Given Dana has a flexible booking for 3 nights
      When Dana cancels on 2026-07-10 at 16:00
      Then Dana is refunded 0.00
