"""Example statements for each need, in the way link workers type a person's words.

need_inference.py compares a person's words with these (and with each need's label, description and
synonyms) by sentence embedding. They were written for this purpose, not taken from any evaluation
set; the DEV part of seed_data/eval/people/ showed which ways of speaking were missing.
"""
from __future__ import annotations

NEED_EXAMPLES: dict[str, tuple[str, ...]] = {
    "loneliness": (
        "lives on her own and hardly sees anyone", "doesn't see a soul from one week to the next",
        "would love someone to pop round for a chat", "the days are long, nobody to talk to",
        "hasn't been out of the house for weeks", "all his friends have moved away or died",
        "wants to get out and meet people", "feels cut off since moving here", "no family nearby",
    ),
    "money_debt": (
        "can't make ends meet", "things are really tight for money", "behind on the bills and the catalogue",
        "owes money all over", "nothing left at the end of the month", "got letters about what she owes",
        "struggling to pay for the basics", "ran out of money before payday",
    ),
    "welfare_benefits": (
        "not sure what benefits he can claim", "her universal credit hasn't come through",
        "needs help with a pip form", "money stopped after the assessment", "wants a benefits check",
        "been sanctioned by the job centre",
    ),
    "housing": (
        "the landlord wants her out", "flat is full of damp and mould", "staying on a mate's settee",
        "nowhere to live after the break up", "house isn't suitable any more with her legs",
        "been given notice on the house", "in a hostel and wants a proper home",
    ),
    "food": (
        "not enough food in the house", "kids are going without meals", "living on toast and noodles",
        "has been using the food bank", "can't afford to do a proper shop", "wants to cook cheap healthy meals",
    ),
    "fuel_energy": (
        "can't afford to put the heating on", "the house is freezing", "no gas on the meter",
        "struggling to pay the gas and electric", "cold flat, sits in a coat", "electric keeps running out",
        "scared of the energy bills",
    ),
    "mental_wellbeing": (
        "feeling a bit low", "down in the dumps", "nerves are bad", "not been right in herself",
        "can't stop worrying", "crying a lot and can't cope", "his head's all over the place",
        "feels anxious going out", "struggling with her mental health", "no motivation, stays in bed",
    ),
    "physical_activity": (
        "wants to get fitter", "would like to lose a bit of weight", "wants to get moving again",
        "used to play football and misses it", "wants to start running", "doctor says he should be more active",
        "would like gentle exercise", "wants to get walking again after the operation",
    ),
    "long_term_conditions": (
        "has diabetes and wants to manage it better", "struggling with her breathing",
        "lives with chronic pain", "recovering from cancer treatment", "had a stroke last year",
        "heart problems slow him down",
    ),
    "carers": (
        "looks after her husband full time", "does everything for her mum", "needs a break from caring",
        "his wife has dementia and he's exhausted", "caring for a disabled son", "never gets time to herself",
    ),
    "bereavement": (
        "her husband died last year", "lost his wife and isn't coping", "his mum passed away recently",
        "grieving for her son", "not been the same since the funeral", "struggling since her partner died",
    ),
    "employment_skills": (
        "wants to get back into work", "lost his job and needs another", "help with a cv and interviews",
        "wants a job but has no experience", "made redundant from the factory", "wants to retrain for a new job",
    ),
    "learning": (
        "wants to learn something new", "would like to do a course", "struggles with reading and writing",
        "wants to go back to college", "would like to improve her maths", "likes reading and would join a book group",
    ),
    "digital_inclusion": (
        "can't use a computer", "wants to learn to use her phone", "doesn't know how to get online",
        "needs help with online forms", "wants to video call the grandkids", "has no internet at home",
    ),
    "arts_creativity": (
        "likes painting and drawing", "wants to do something creative", "used to sing in a choir",
        "enjoys knitting and crafts", "wants to make things with her hands", "loves music and wants to play again",
    ),
    "nature_gardening": (
        "used to love his garden", "wants to be outdoors more", "would like an allotment",
        "enjoys nature and walks in the park", "wants to grow vegetables", "likes being outside in the fresh air",
    ),
    "volunteering": (
        "wants to feel useful", "would like to give something back", "has time on her hands and wants to help",
        "wants to volunteer", "retired and wants something worthwhile to do",
    ),
    "family_parenting": (
        "struggling with the kids", "new baby and finding it hard", "son's behaviour is getting worse",
        "single mum at the end of her tether", "wants a group for her and the toddler", "rows at home with the children",
    ),
    "young_people": (
        "he's 16 and won't leave his room", "teenager with nothing to do", "young lad who left school with nothing",
        "my daughter is being bullied", "19 and doesn't know what to do with himself",
    ),
    "older_people": (
        "she's in her eighties", "elderly man living alone", "retired and on his own",
        "pensioner who can't get about like she used to", "wants things for people her age",
        "91 and housebound",
    ),
    "transport": (
        "can't get there without a lift", "no car and the buses are rubbish", "can't manage the bus any more",
        "needs help getting to appointments", "doesn't drive",
    ),
    "language_integration": (
        "his english isn't good", "new to the country", "wants to learn english",
        "doesn't speak much english", "recently arrived and doesn't know anyone",
    ),
    "domestic_abuse": (
        "her partner controls the money", "scared of her husband", "he checks her phone and won't let her out",
        "partner hits her", "ex won't leave her alone", "frightened to go home",
    ),
    "addiction_recovery": (
        "wants to stop drinking", "drinks too much", "can't stop gambling", "uses drugs and wants to stop",
        "in recovery and wants support to stay clean", "wants to stop smoking", "spends everything at the bookies",
    ),
    "disability": (
        "has a learning disability", "is deaf and uses sign language", "is registered blind",
        "uses a wheelchair", "autistic son", "losing his sight",
    ),
    "legal_advice": (
        "needs advice about her rights at work", "wants to know where she stands legally",
        "problem with immigration papers", "dispute with a company", "needs a solicitor",
    ),
}
