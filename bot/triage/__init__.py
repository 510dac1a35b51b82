"""The triage core: pure standard-library decisions, no I/O beyond reading the services data.

- `text`     normalisation shared by the detectors (SMS-speak, typos, sentences, clauses)
- `danger`   is this person in danger now? (`detect`)
- `facts`    what the person's words say about the case (`extract_facts`)
- `markers`  the high-risk facts as booleans (shared by facts and risk)
- `risk`     how risky is the case (`assess`, `RiskLevel`, `raise_only`)
- `services` the services directory (`load_services`, `known_numbers`)
- `hours`    is a service open now, and when does it next open
- `routing`  who to offer, in what order (`route_for`)
- `render`   what the assistant says about those services (text, SMS, voice)
"""
