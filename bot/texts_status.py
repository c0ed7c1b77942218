"""What the assistant says when an entitlement answer depends on the person's residence
situation (translated in ``bot/translations/*.po``)."""

from bot.i18n import N_

ASK_STATUS = N_(
    "The answer can depend on your residence situation. If you like, tell me which fits you best. "
    "You do not have to: I keep it only for this conversation and never store it."
)
STATUS_LABELS = {
    "eu_citizen": N_("EU citizen"),
    "protection": N_("Refugee or protection status (also temporary protection)"),
    "asylum_seeker": N_("Asylum seeker (procedure still running)"),
    "residence_permit": N_("Other residence permit or visa"),
    "no_papers": N_("No papers, or not sure"),
    "prefer_not_to_say": N_("Prefer not to say"),
}
STATUS_UNDERSTOOD = N_("Thank you. For your situation, \u201c{status}\u201d:")
STATUS_GENERAL = N_("That is fine. This is the general answer:")
STATUS_NOT_UNDERSTOOD = N_("I did not understand which situation fits you. Tap one, or \u201cPrefer not to say\u201d.")
STATUS_NO_TOPIC = N_("Thank you. Ask me about a topic, and I will answer for your situation.")
SOURCE_LINE = N_("Source: {source} (checked {date})")
