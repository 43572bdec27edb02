Feature: Transfer limits
  To limit the damage if a customer's phone or password is stolen,
  Larkspur Bank caps how much money can leave an account each day
  and how much a newly added payee can receive.

  Background:
    Given Alex has 8000.00 in a current account

  Rule: A customer can send at most 5000.00 per calendar day in total

    Scenario Outline: Transfers up to the daily limit are accepted
      Given Alex has already sent <sent> today
      And Alex added Jordan as a payee 3 days ago
      When Alex sends <amount> to Jordan
      Then the transfer is accepted
      And Alex has sent <total> today

      Examples:
        | sent    | amount  | total   |
        | 0.00    | 5000.00 | 5000.00 |
        | 4000.00 | 1000.00 | 5000.00 |

    Scenario: A transfer over the daily limit is refused and says what is left
      Given Alex has already sent 4000.00 today
      And Alex added Jordan as a payee 3 days ago
      When Alex sends 1000.01 to Jordan
      Then the transfer is refused with "You can send up to 1000.00 more today."
      And Alex still has 8000.00 in the current account

  Rule: A payee added less than 24 hours ago can receive at most 500.00 per transfer

    Scenario Outline: New payee limit
      Given Alex has already sent 0.00 today
      And Alex added Sam as a payee <hours> hours ago
      When Alex sends <amount> to Sam
      Then the transfer is <outcome>

      Examples:
        | hours | amount | outcome  |
        | 2     | 500.00 | accepted |
        | 2     | 500.01 | refused  |
        | 24    | 500.01 | accepted |
