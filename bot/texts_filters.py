"""What the assistant says when it narrows services down by follow-up wishes (translated in
``bot/translations/*.po``).

Reasons are short phrases shown after a service's name ("open now until 18:00 · free");
wishes name a filter when explaining why nothing fits. Every placeholder is named.
"""

from bot.i18n import N_

# --- why a service fits (shown after its name, joined with " · ") ----------------------
OPEN_NOW_UNTIL = N_("open now until {time}")
OPEN_NOW_ALWAYS = N_("open now, day and night")
OPENS_TODAY_AT = N_("opens today at {time}")
OPENS_TOMORROW_AT = N_("opens tomorrow at {time}")
OPENS_ON_AT = N_("opens {day} at {time}")
OPEN_ALL_DAY_TOMORROW = N_("open all day tomorrow")
OPEN_ALL_DAY_ON = N_("open all day {day}")
STAFF_SPEAK = N_("staff speak {language}")
CHILDCARE = N_("childcare available")
FREE = N_("free")
NO_DOCUMENTS = N_("no documents needed")
WHEELCHAIR = N_("wheelchair accessible")
WALK_IN = N_("walk-in, no appointment")
IN_DISTRICT = N_("in the {district} district")
DISTANCE = N_("{distance} away")

# --- the wishes themselves (named when they rule every place out) ---------------------
WISH_OPEN_NOW = N_("open now")
WISH_OPEN_TODAY = N_("open today")
WISH_OPEN_ON = N_("open on {day}")
WISH_LANGUAGE = N_("staff who speak {language}")
WISH_CHILDCARE = N_("childcare")
WISH_FREE = N_("free of charge")
WISH_NO_PAPERS = N_("no documents needed")
WISH_WHEELCHAIR = N_("wheelchair access")
WISH_WALK_IN = N_("walk-in, no appointment")
WISH_DISTRICT = N_("in the {district} district")
WISH_NEAR = N_("within {distance}")

# --- the answer -------------------------------------------------------------------------
MATCHES_INTRO = N_("These places fit what you asked for:")
MATCH_LINE = N_("{name}: {reasons}")
NO_MATCH = N_("I found no place that fits everything you asked for.")
NO_SERVICE = N_("I found no place for this in the directory.")
RULED_OUT_BY = N_("The wish \u201c{wish}\u201d rules out every place. Without it, these places would fit:")
RULED_OUT_TOGETHER = N_("No place offers all of these together: {wishes}. These places fit everything else:")
HELPERS_IN_LANGUAGE = N_("These places help newcomers in {language} and can find the right service with you:")
HELPERS = N_("These places help newcomers and can find the right service with you:")

# --- asking for wishes, a location, the topic ------------------------------------------
ASK_WISH = N_(
    "What matters to you? For example: open now, open on Saturday, staff who speak your language, "
    "free, no documents needed, walk-in, wheelchair access, childcare, or near a place."
)
ASK_TOPIC_FIRST = N_("What kind of place are you looking for? Choose a topic, and I will apply your wishes.")
ASK_LOCATION = N_(
    "To find places near you, tap \u201cShare my location\u201d (used only for this answer, not stored), "
    "or tell me a district or a place, for example \u201cnear the main station\u201d."
)
SHARE_LOCATION = N_("Share my location")
BUTTON_OPEN_NOW = N_("Open now")
BUTTON_FREE = N_("Free")
BUTTON_NO_DOCUMENTS = N_("No documents needed")
BUTTON_WALK_IN = N_("No appointment")
BUTTON_WHEELCHAIR = N_("Wheelchair access")
BUTTON_CHILDCARE = N_("Childcare")
BUTTON_START_OVER = N_("Clear my wishes")
WISHES_CLEARED = N_("OK, I forgot your wishes. Ask me about any topic.")
