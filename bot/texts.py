"""Everything the assistant says, marked for translation (``bot/translations/*.po``).

Each message is a whole sentence or paragraph with named placeholders, so translators
can reorder words freely. Wording: plain language, short sentences, no jargon.
"""

from bot.i18n import N_

TOPIC_LABELS = {
    "registration": N_("Registration & papers"),
    "health": N_("Health"),
    "housing": N_("Housing"),
    "education": N_("School & education"),
    "childcare": N_("Childcare"),
    "language_learning": N_("Learning the language"),
    "employment": N_("Work"),
    "social_benefits": N_("Benefits & money"),
    "legal_advice": N_("Legal advice"),
    "discrimination": N_("Discrimination"),
}
ONE_STOP_SHOP_LABEL = N_("One office for everything")
WELCOME_PLACE_LABEL = N_("Welcome places")

TOPIC_ANSWERS = {
    "registration": N_(
        "When you move to the city, you usually must register your address within two weeks. "
        "Registration is free. You need your passport or ID and a confirmation from your landlord. "
        "Questions about residence permits are handled by the foreigners' office. "
        "You do not have to go alone: advice centres can help you prepare."
    ),
    "health": N_(
        "In an emergency, every hospital must treat you, with or without insurance or papers. "
        "If you have no health insurance, free clinics can treat you, often without asking for your name. "
        "Children and pregnant women have extra rights to care. "
        "Doctors must keep what you tell them confidential."
    ),
    "housing": N_(
        "If you have nowhere to sleep tonight, the city must offer you emergency shelter. "
        "If you rent a flat, you have rights as a tenant: a landlord may not throw you out without a court order. "
        "Tenant advice centres check contracts and help with problems, often for free. "
        "You may get help paying rent if your income is low."
    ),
    "education": N_(
        "All children must go to school, whatever their residence status, and school is free. "
        "The school enrolment office finds a place for your child, often first in a class that teaches the language. "
        "Adults can have their school and university certificates recognised and can start vocational training."
    ),
    "childcare": N_(
        "Children from their first birthday have a right to a place in a day-care centre or with a childminder. "
        "The fees depend on your income, and families with a low income often pay nothing. "
        "Some language courses and advice centres look after your children while you are there."
    ),
    "language_learning": N_(
        "Many newcomers can join an integration course with language lessons, free or at low cost. "
        "There are also free language cafés and volunteer courses that everyone can join, without papers. "
        "Some courses offer childcare."
    ),
    "employment": N_(
        "Whether you may work depends on your residence status: the job centre or an advice centre can check your papers with you. "
        "Everyone who works has the right to the minimum wage, a written contract and safe work, even without papers. "
        "If your employer does not pay you, advice centres help you claim your wages."
    ),
    "social_benefits": N_(
        "If you have little or no income, you may be entitled to money for living costs, rent and health care. "
        "Families can get child benefit. "
        "Which help you can get depends on your residence status. "
        "Benefits advice centres check your situation for free and help you fill in the forms."
    ),
    "legal_advice": N_(
        "You have the right to legal advice and to appeal against decisions of the authorities. "
        "Deadlines for appeals are often short, sometimes only one or two weeks, so get advice quickly when you receive a letter. "
        "Free legal advice is available for asylum, residence, work and tenancy questions."
    ),
    "discrimination": N_(
        "Nobody may treat you worse because of your origin, skin colour, religion, language, gender, disability, age or sexual orientation. "
        "This applies in offices, at work, when renting a flat, in shops and in public transport. "
        "Advice centres help you for free and confidentially, and the city wants to know about it."
    ),
}

WELCOME = N_(
    "Hello! I am the welcome assistant of {city}. I am an automated chatbot, not a person. "
    "I can tell you what you are entitled to and where to go, in your language."
)
NO_PERSONAL_DETAILS = N_("Please do not type your name, address or other personal details.")
CHOOSE_TOPIC = N_("What would you like to know about?")
CHOOSE_LANGUAGE = N_("You can also change the language:")
LANGUAGE_SET = N_("OK, I will answer in {language} from now on.")
LANGUAGE_SWITCHED = N_(
    "I am answering in {language} now. To go back to {previous}, write \"{previous}\" or choose it below."
)

SERVICES_INTRO = N_("These places can help you:")
ONE_STOP_SHOP_INTRO = N_(
    "A one-stop shop helps newcomers with many questions in one place: papers, housing, work, school and more. "
    "You can go here:"
)
WELCOME_PLACE_INTRO = N_(
    "Welcome places are friendly places where you can drop in, meet people and get help. Try these:"
)
NO_SERVICE_FOUND = N_(
    "I could not find a matching place in the directory. The one-stop shop can help you with every question:"
)
GENERAL_INFO_NOTE = N_("This is general information. The places below can tell you what applies to you.")

SERVICE_ADDRESS = N_("Address: {address}")
SERVICE_HOURS = N_("Opening hours: {hours}")
SERVICE_PHONE = N_("Phone: {phone}")
SERVICE_WEBSITE = N_("Website: {website}")
SERVICE_LANGUAGES = N_("Staff speak: {languages}")
SERVICE_FREE = N_("Free of charge")
SERVICE_NO_DOCUMENTS = N_("No papers needed")
SERVICE_WALK_IN = N_("No appointment needed")
SERVICE_CHILDCARE = N_("Childcare while you are there")
SERVICE_WHEELCHAIR = N_("Wheelchair accessible")

EMERGENCY_FIRST = N_("If you or someone else is in danger right now, call {number}. The call is free, day and night.")
EMERGENCY_POLICE = N_("Police: {police}")
EMERGENCY_HOTLINE = N_("{name}: {phone}")
EMERGENCY_BOT = N_("I am only a chatbot and cannot send help. Please call now.")

FALLBACK = N_(
    "Sorry, I did not understand that. I can help with the topics below. "
    "Please choose one, or ask in other words."
)

GOODBYE = N_("Goodbye, and good luck! You can come back any time.")
THANKS = N_("You are welcome! Is there anything else I can help with?")
BOT_CHALLENGE = N_(
    "I am an automated assistant, not a person. "
    "I give general information and show you services where people can help you."
)
