"""What the assistant says in the rating, feedback, report and receipt flows (translated in
``bot/translations/*.po``). Codes (the dictionary keys) are stored; labels never are.
"""

from bot.i18n import N_

# --- "Was this helpful?" ---------------------------------------------------------------
ASK_HELPFUL = N_("Was this helpful?")
HELPFUL_YES = N_("Yes, helpful")
HELPFUL_NO = N_("No")
THANKS_HELPFUL = N_("Thank you! That helps us improve the answers.")
ASK_MISSING = N_("Sorry about that. What was missing? Tap one, or write it in a sentence.")
MISSING_REASONS = {
    "wrong_topic": N_("It answered a different question"),
    "unclear": N_("Hard to understand"),
    "no_fitting_service": N_("No service that fits me"),
    "wrong_details": N_("Wrong address, hours or phone"),
    "other": N_("Something else"),
}
THANKS_NOT_HELPFUL = N_(
    "Thank you for telling us. A one-stop shop or an advice centre can help you in person; "
    "you can also ask me about another topic."
)

# --- shared by the forms ------------------------------------------------------------------
SKIP = N_("Skip")
CANCEL = N_("Cancel")
SEND = N_("Send")
DONT_KNOW = N_("Don't know")
CANCELLED = N_("Cancelled. Nothing was stored.")
NOTHING_TO_CANCEL = N_("There is nothing to cancel. How can I help?")
NOT_UNDERSTOOD_CHOICE = N_("Sorry, I did not understand that. Please tap one of the options or type its number.")
TEXT_CUT = N_("Your text was very long, so only the first {limit} characters are kept.")
PERSONAL_DATA_REMOVED = N_(
    "I removed what looked like personal details (such as phone numbers or addresses). "
    "Please do not type names or contact details."
)
NEED_WORDS = N_("Please describe it in a few words.")
CHANGE_WHICH = N_("Change: {field}")
STORAGE_FAILED = N_(
    "Sorry, I could not save this right now because of a technical problem. "
    "Your answers are kept in this chat: tap \u201cSend\u201d to try again in a moment, or \u201cCancel\u201d."
)
SERVICE_OTHER = N_("Another service (type its name)")

# --- feedback on a service ------------------------------------------------------------
FEEDBACK_INTRO = N_(
    "Thank you for wanting to tell us how it went. Your feedback is anonymous: "
    "please do not type names or contact details. You can cancel at any time."
)
ASK_FEEDBACK_SERVICE = N_("Which service or office was it? Tap one or type its name.")
ASK_FEEDBACK_RATING = N_("How did it go, from 1 (very bad) to 5 (very good)?")
RATING_LABELS = {
    "1": N_("1 – very bad"),
    "2": N_("2 – bad"),
    "3": N_("3 – okay"),
    "4": N_("4 – good"),
    "5": N_("5 – very good"),
}
ASK_FEEDBACK_PROBLEMS = N_(
    "Did something go wrong? Tap one, or type the numbers of all that apply (for example: 1, 3)."
)
FEEDBACK_PROBLEMS = {
    "language_barrier": N_("Language barrier"),
    "waited_too_long": N_("Waited too long"),
    "disrespectful": N_("Unfriendly or disrespectful treatment"),
    "wrong_information": N_("Wrong information"),
    "turned_away": N_("Could not get in / turned away"),
    "other": N_("Other"),
    "none": N_("Nothing went wrong"),
}
ASK_FEEDBACK_COMMENT = N_("Anything else you want to tell us? Write it, or tap \u201cSkip\u201d.")
FEEDBACK_SUMMARY = N_(
    "Please check your feedback:\nService: {service}\nRating: {rating}\nWhat went wrong: {problems}\nComment: {comment}\n"
    "Send it?"
)
FEEDBACK_SAVED = N_("Thank you! Your feedback was sent anonymously to the city.")
FEEDBACK_FIELDS = {
    "feedback_service": N_("service"),
    "feedback_rating": N_("rating"),
    "feedback_problems": N_("what went wrong"),
    "feedback_comment": N_("comment"),
}

# --- discrimination report --------------------------------------------------------------
REPORT_INTRO = N_(
    "You can report discrimination to the city here, anonymously. Before you start:\n"
    "- We store only what you tell us in this report, with the month and your language. "
    "We do not store who you are, your phone or your chat.\n"
    "- Please do not type names, phone numbers or addresses; I remove those I recognise.\n"
    "- This is not an emergency service. If you are in danger, call {emergency} now.\n"
    "- You get a code at the end to check for a reply. You can cancel at any time."
)
ASK_REPORT_WHAT = N_("What happened? Describe it in your own words.")
ASK_REPORT_WHERE = N_("Where did it happen? Tap a kind of place, or type the name of the service or office.")
PLACE_KINDS = {
    "office": N_("Public office"),
    "school": N_("School or nursery"),
    "hospital": N_("Hospital or doctor"),
    "housing": N_("Housing or landlord"),
    "police": N_("Police"),
    "shop": N_("Shop, restaurant or club"),
    "public_transport": N_("Public transport"),
    "work": N_("Work or job search"),
    "online": N_("Online"),
    "other": N_("Somewhere else"),
}
ASK_REPORT_WHEN = N_("When did it happen? The month is enough, for example {example}.")
ASK_REPORT_GROUNDS = N_(
    "Why do you think you were treated this way? Tap one, or type the numbers of all that apply (for example: 1, 4)."
)
GROUNDS = {
    "ethnic_origin": N_("Ethnic origin"),
    "skin_colour": N_("Skin colour"),
    "nationality": N_("Nationality"),
    "religion": N_("Religion or belief"),
    "language": N_("Language"),
    "gender": N_("Gender"),
    "disability": N_("Disability"),
    "age": N_("Age"),
    "sexual_orientation": N_("Sexual orientation"),
    "other": N_("Other"),
    "not_sure": N_("Not sure"),
}
ASK_REPORT_REDRESS = N_("Do you want to know where you can get advice or make a formal complaint?")
YES = N_("Yes")
NO = N_("No")
REPORT_SUMMARY = N_(
    "Please check your report:\nWhat happened: {what}\nWhere: {where}\nWhen: {when}\nWhy: {grounds}\n"
    "Advice on your options: {redress}\nSend it?"
)
REPORT_FIELDS = {
    "report_what": N_("what happened"),
    "report_where": N_("where"),
    "report_when": N_("when"),
    "report_grounds": N_("why"),
    "report_redress": N_("advice on your options"),
}
UNKNOWN_MONTH = N_("don't know")
REPORT_SAVED = N_(
    "Your report was sent to the city. Thank you for telling us.\n"
    "Your receipt code is {code}\n"
    "Copy it or write it down now: it is shown only once. "
    "To see the status and the city's reply later, write \u201ccheck my report\u201d and then the code."
)
REDRESS_INTRO = N_("Where you can get advice or make a formal complaint:")

# --- checking a report ------------------------------------------------------------------
ASK_RECEIPT = N_("Please type your receipt code (five groups of four letters and numbers).")
NOT_A_RECEIPT = N_("That does not look like a receipt code. It has five groups of four letters and numbers.")
RECEIPT_NOT_FOUND = N_("I could not find a report with this code. Please check it and try again.")
RECEIPT_EXPIRED = N_("This code has expired, so the report can no longer be opened with it.")
RECEIPT_BLOCKED = N_("Too many wrong codes. Please try again in {minutes} minutes.")
REPORT_STATUS = N_("Your report from {month}: {status}.")
REPORT_STATUS_NAMES = {
    "new": N_("received, not yet reviewed"),
    "in_review": N_("being reviewed"),
    "referred": N_("passed on to the responsible office"),
    "closed": N_("closed"),
}
REPORT_REPLY = N_("The city replied ({language}):\n{reply}")
REPORT_NO_REPLY = N_("There is no reply yet.")

# --- added with the flows -----------------------------------------------------------------
RATING_NOT_SAVED = N_("Sorry, I could not save your answer because of a technical problem.")
CHANGE_PICK = N_("Which answer do you want to change? Tap it below.")
MENU_FEEDBACK = N_("Give feedback on a service")
MENU_REPORT = N_("Report discrimination (anonymous)")
MENU_CHECK = N_("Check my report")
REPORT_OFFER = N_("If you want, you can report what happened to the city, anonymously.")
CHECK_FAILED = N_("Sorry, I cannot look up reports right now because of a technical problem. Please try again later.")
