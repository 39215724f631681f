"""Named debris rules: each reason maps to regexes over the lowercased line.

Rules are grouped by how they are applied, cheapest first:

1. WHOLE: the whole line (punctuation stripped) is a known widget word ("advertisement", "read more").
2. START: the line opens with debris ("READ:", "Photo:", "Sign up for ...", "Copyright 2018").
3. ANYWHERE: debris phrases that real body text practically never contains
   ("photo credit should read", "pic.twitter.com", "these crawls are part of ...").

The patterns were collected from the two seed articles, from sentences that recur verbatim
across many unrelated Multi-News clusters, and from what extractors leave behind on the
article-extraction benchmark pages. They target page furniture, not topics: a sentence *about*
cookies, advertising or Twitter carries none of these phrasings.
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_AGENCY = r"(?:ap|afp|reuters|getty(?: images)?|epa|efe|ansa|xinhua|dpa|pa|bloomberg|shutterstock|istock|rex|upi)"
_SOCIAL = r"(?:facebook|twitter|instagram|youtube|linkedin|pinterest|whatsapp|reddit|snapchat|tiktok|flipboard|tumblr|google\+?|messenger|telegram)"
_PHONE = r"(?:\+?\d[\d\s().-]{6,}\d)"

# 1. The entire line, lowercased and stripped of punctuation, is one of these.
WHOLE: dict[str, tuple[str, ...]] = {
    "advertisement": (
        "advertisement", "advertisements", "ad", "ads", "advert", "sponsored", "sponsored content",
        "promoted", "promoted content", "paid content", "skip ad", "ad loading", "skip ad ad loading",
        "advertisement advertisement", "advertisement continue reading the main story",
        "continue reading the main story", "story continues below", "article continues below",
        "story continues below advertisement", "content continues below", "partner content",
    ),
    "cross-link": (
        "read more", "learn more", "see more", "more", "related", "related stories", "related articles",
        "related content", "more stories", "more from", "recommended", "recommended for you", "trending",
        "trending now", "most popular", "most read", "top stories", "next article", "previous article",
        "next", "previous", "see also", "read more here", "more on this story", "read the full story",
        "keep reading", "continue reading", "you may also like", "you might also like", "up next",
        "full story", "watch more", "more videos", "more news",
    ),
    "share prompt": (
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "tweet this", "email", "print", "email this", "print this",
        "share via email", "copy link", "link copied", "save", "save article", "pin it", "comments",
        "comment", "show comments", "view comments", "hide comments", "like loading", "shares",
    ),
    "newsletter prompt": (
        "sign up", "sign me up", "subscribe", "subscribe now", "subscribe today", "newsletter",
        "newsletters", "thank you for subscribing", "thank you for signing up", "thanks for signing up",
        "you can unsubscribe at any time", "invalid email address", "enter your email",
        "enter your email address", "get the newsletter", "sign up for our newsletter",
    ),
    "login prompt": (
        "log in", "login", "sign in", "register", "log out", "logout", "sign out", "create an account",
        "already have an account", "forgot password", "forgot your password", "login here",
        "close", "cancel", "submit", "your reaction", "report abuse", "reply", "flag",
    ),
    "error message": (
        "loading", "please try again", "please try again later", "try again", "an error has occurred",
        "something went wrong", "page not found", "thank you", "thanks", "oops", "please wait",
        "this feature is not available right now", "an error occurred",
    ),
    "photo credit": (
        "getty images", "getty", "ap", "afp", "reuters", "ap photo", "afp getty images", "image",
        "photo", "photos", "image caption", "image copyright", "hide caption", "toggle caption",
        "show caption", "enlarge this image", "caption", "view gallery", "photo gallery", "gallery",
        "play video", "watch video", "video", "replay", "replay more videos", "autoplay",
    ),
    "social widget": (
        "facebook", "twitter", "instagram", "youtube", "linkedin", "pinterest", "whatsapp", "reddit",
        "follow us", "follow", "like us on facebook", "follow us on twitter", "connect with us",
    ),
}

# 2. The (lowercased, whitespace-collapsed) line starts with one of these.
START: dict[str, tuple[str, ...]] = {
    "advertisement": (
        r"advertisement\s*(?:$|[:|\-\u2013\u2014]|advertisement)", r"sponsored (?:content|by|post|links?)\b", r"paid (?:content|post|partnership)\b",
        r"(?:this|the) (?:story|article) continues below\b", r"skip (?:this )?ad\b",
        r"(?:advertisement |\()?click prev or next\b",
    ),
    "cross-link": (
        r"(?:read|related|more|see also|also read|read more|read also|see more|watch|listen|more from"
        r"|recommended|trending|don'?t miss|must read|also see|also watch|more on|previously|editor'?s pick"
        r"|most read|popular|top stories|latest|related (?:story|stories|articles?|coverage|video|links?)"
        r"|read the full (?:story|article|report)|full coverage|next up|up next|more stories|video)"
        r"\s*(?::|\||»|>|›|\u2192)",
        r"also read\b", r"read more\b(?! than)", r"click to read\b",
        r"read (?:the )?(?:full|whole|complete|original) (?:story|article|report|interview)\b",
    ),
    "photo credit": (
        r"(?:photo|photos|photograph|photographer|picture|pictures|pic|image|images|img|video"
        r"|illustration|graphic|credit|credits|photo credit|image credit|source|caption"
        r"|file photo|top image|main image|featured image|lead image|header image)\s*[:|]",
        r"image (?:copyright|caption|source)\b", r"\((?:photo|image|picture|credit)\b",
        r"\u00a9|\(c\)\s", r"(?:ap|afp|reuters|getty) (?:photo|images)\b",
        r"(?:\w+\s+){0,3}file\s*[-\u2013\u2014:]\s*(?:in )?this\b",
        r"(?:file\s+)?(?:in )?this (?:" + _MONTH + r"\s+)?\d{1,2},? (?:\d{4},? )?(?:file )?(?:photo|image|picture)",
        r"(?:in )?this (?:undated|handout|file|provided|photo|image|still image|screen ?(?:shot|grab)) "
        r"(?:photo|image|picture|provided|released|taken|from|made|shows|,)",
        r"(?:enlarge this image|toggle caption|hide caption|image \d+ of \d+|\d+ of \d+ (?:photos|images))\b",
    ),
    "newsletter prompt": (
        r"sign up\b", r"subscribe (?:to|now|today|here|for|and)\b",
        r"(?:get|receive) (?:our|the) (?:\w+ )?(?:\w+ )?newsletter", r"newsletters?\s*(?:sign[- ]?up|:|\|)",
        r"(?:the )?(?:best|most) .{0,40}newsletter\b", r"(?:breaking news emails|email sign[- ]?up)\b",
        r"thank you for (?:subscribing|signing up|registering|reading)\b",
        r"(?:want|like) (?:more|to keep up)\b.{0,60}\b(?:inbox|newsletter|subscribe)",
        r"get (?:the )?(?:latest|breaking|daily|weekly|top|our)\b.{0,80}\b(?:inbox|emails?|alerts?|newsletters?)\b",
        r"(?:enter|type) your email\b", r"by (?:signing up|subscribing|submitting|registering|clicking)\b",
        r"never miss a\b", r"be the first to know\b", r"you (?:can|may) unsubscribe\b",
        r"(?:we have|we've) sent you\b", r"please check your (?:email|inbox)\b",
    ),
    "login prompt": (
        r"(?:please )?(?:log|sign) ?in\b(?! the)", r"(?:you must|please|to) (?:be )?(?:log|sign)(?:ged)? ?in\b",
        r"notice: you must log in\b", r"already (?:have an account|a (?:member|subscriber|registered))\b",
        r"(?:don'?t|do not) have an account\b", r"create (?:an|your|a free) account\b",
        r"(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\b", r"comments? (?:are|have been) (?:closed|disabled)\b",
        r"join the (?:conversation|discussion|debate)\b", r"(?:view|show|read|hide|load) (?:all )?(?:\d+ )?comments\b",
        r"\d+ comments?\b\s*$", r"(?:commenting|comment) (?:policy|guidelines|rules)\b",
        r"please (?:read our|be respectful|keep (?:it|comments))\b",
        r"(?:we|this site) (?:have|has|may) (?:recently )?(?:updated|changed) (?:our|its) (?:privacy|terms)",
    ),
    "promo": (
        r"come (?:out|join|see|visit|celebrate)\b", r"join us\b", r"tune in\b", r"don'?t miss\b",
        r"(?:enter|vote) (?:now|today|here|to win)\b", r"download (?:the|our|it|now|on)\b",
        r"(?:get|download) the (?:free )?\w+ app\b", r"(?:watch|listen|stream)(?: it)? (?:live|now|here)\b",
        r"(?:shop|buy|order) (?:now|today|here)\b", r"(?:get|buy) (?:your )?tickets\b",
        r"(?:available|now) on (?:the )?(?:app store|google play)\b", r"(?:sponsored|presented) by\b",
        r"click (?:here|below|the link|to|on)\b", r"tap (?:here|to)\b",
        r"(?:support|fund) (?:independent|progressive|local|quality|our) journalism\b",
        r"dear reader\b", r"(?:please )?consider (?:subscribing|supporting|donating|a donation)\b",
        r"(?:get|try) (?:unlimited|full|digital|premium) access\b", r"(?:get )?digital access\b",
        r"(?:only )?\$\d+(?:\.\d\d)? (?:for|a|per) (?:\d+ )?(?:days?|weeks?|months?|year|unlimited)\b",
        r"if you buy something (?:through|from)\b",
    ),
    "share prompt": (
        r"share (?:this|on|via|with|the|your|article|story|link)\b", r"(?:email|print|save|bookmark) (?:this|article|story)\b",
        r"(?:follow|like|find|join|connect with) (?:us|me|him|her|them|[\w.]+) on " + _SOCIAL + r"\b",
        r"(?:follow|like) us\b.{0,40}\b" + _SOCIAL + r"\b", r"follow @\w+",
        r"(?:chat|talk|message|connect) (?:with )?us (?:on|in|via|through) (?:\w+ )?" + _SOCIAL + r"\b",
        r"(?:(?:" + _SOCIAL + r"|e-?mail|print|share|sms|copy link|comments?)\s*[,|/\u2022\u00b7]?\s*){2,}$",
        r"(?:click|tap) to (?:share|tweet|email|print)\b", r"click to tweet\b", r"(?:copy|copied) (?:the )?link\b",
    ),
    "copyright": (
        r"copyright\s*(?:\u00a9|\(c\)|\d{4}|:|notice|by|holder|of)", r"all rights reserved\b", r"\u00a9\s*\d{4}", r"\(c\)\s*\d{4}",
        r"this (?:material|article|story|content) may not be (?:published|reproduced|copied|redistributed)",
        r"(?:dow jones )?reprints?\b", r"to order presentation-ready copies\b",
        r"(?:the )?associated press contributed to this report", r"(?:reporting|writing|editing|additional reporting) by\b.{0,80}$",
    ),
    "contact footer": (
        r"(?:connect with us|contact us|call us|reach us|get in touch|email us|write to us|send (?:us )?(?:your )?(?:news )?tips?)\b",
        r"(?:tel|telephone|phone|fax|mobile|whatsapp|e-?mail|hotline)\s*(?:no\.?|number)?\s*:\s*\S",
        r"write to [\w .'-]{2,40} at\b", r"(?:email|contact|reach) (?:him|her|them|the (?:author|writer|reporter)) at\b",
        r"tips?@|[\w.]+@[\w.]+\.\w+\s*$",
        r"(?:have a (?:news )?tip|got a (?:news )?tip)\b",
    ),
    "browser notice": (
        r"(?:notice: )?you are using an? (?:outdated|old|unsupported|older)\b",
        r"(?:please )?(?:enable|turn on|activate) (?:javascript|cookies|js)\b",
        r"(?:your|this) browser (?:does not|doesn'?t|is not|isn'?t|is out of date)\b",
        r"(?:it (?:looks|seems) like|we'?ve detected that|we detected that) (?:you(?:'re| are) using|your browser|javascript|you have (?:an? )?ad)",
        r"javascript (?:is )?(?:disabled|required|must be enabled|is not enabled)\b",
        r"media (?:playback|requires javascript)\b", r"(?:hello,? )?you either have javascript\b",
        r"for the best (?:experience|viewing)\b", r"(?:this|the) video (?:is (?:not|no longer|un) ?available|cannot be played|can'?t be played|could not be (?:played|loaded))",
        r"(?:upgrade|update) your browser\b", r"would you like to proceed to legacy\b",
        r"please (?:disable|turn off|whitelist)\b.{0,30}\b(?:ad ?block|blocker)",
    ),
    "archive notice": (
        r"this (?:is an archived|article is more than|story is more than|content is more than|article was originally)\b",
        r"(?:this|the) (?:article|story|page|content) (?:was|has been) (?:archived|updated|corrected)\b",
        r"(?:correction|clarification)\s*:", r"this is a breaking news (?:update|story)\b",
        r"check back (?:soon|later) for\b", r"ap'?s earlier story is below\b",
        r"(?:originally|first) published (?:on|at|in (?:" + _MONTH + r"|\d{4}))", r"(?:published|updated|posted|last updated|last modified)\b.{0,40}\d{1,2}:\d\d",
        r"(?:published|updated|posted|last updated)(?: on)?:?\s+(?:" + _MONTH + r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|mon|tue|wed|thu|fri|sat|sun)"
        r"[^.!?]{0,50}(?:[.!?]\s*)?$",
    ),
    "cookie notice": (
        r"(?:we|this (?:web)?site|our (?:web)?site|our partners)(?: and our partners)? (?:uses?|may use|place) cookies\b",
        r"by (?:continuing|using|clicking|browsing|navigating|proceeding|remaining|staying)\b.{0,80}\b(?:you (?:agree|accept|consent)|agree to|consent to)",
        r"(?:accept|allow|enable|manage|reject) (?:all )?cookies\b", r"cookie (?:policy|settings|preferences|notice|consent|banner)\b",
        r"the new european data protection law\b", r"(?:to help personali[sz]e content|we (?:and our partners )?(?:use|process|collect) (?:your )?personal (?:data|information))\b",
        r"(?:see|read|view|review) our (?:privacy|cookie)\b", r"(?:privacy policy|terms of (?:service|use))\s*(?:\||and|$)",
    ),
    "error message": (
        r"(?:sorry|oops)[,!.]? (?:the page|this page|we couldn'?t|we can'?t|something|but you can only|this zip ?code)\b",
        r"(?:an? )?(?:unexpected )?error (?:has )?occurred\b", r"please try again\b",
        r"(?:the )?(?:page|content|video) you (?:requested|are looking for|were looking for)\b", r"page not found\b",
        r"(?:rating is available|the interactive transcript|this feature is not available|there was a problem)\b",
        r"(?:we'?re|we are) (?:sorry|having trouble)\b.{0,40}\b(?:this page|the page|video|load|technical|error)", r"(?:please )?(?:re-?enter|check the url)\b",
        r"(?:loading|please wait)\s*\.{2,}", r"watch queue\b", r"(?:invalid|please enter a valid) (?:email|zip)\b",
    ),
    "byline": (
        r"by [a-z][\w.'-]+(?: [a-z][\w.'-]+){0,3}\s*(?:,|\||[-\u2013\u2014])\s*(?:[a-z]+ )?(?:staff|reporter|writer|correspondent|editor|"
        + _AGENCY + r"|cnn|bbc|the)\b[^.]{0,40}$",
        r"by [a-z][\w.'-]+(?: [a-z][\w.'-]+){0,3}\s*(?:[-\u2013\u2014|]\s*)?\d{1,2}/\d{1,2}/\d{2,4}",
    ),
}

# 3. Anywhere in the line: phrases specific to debris, safe even inside long lines. Each pattern is
#    keyed by a literal it must contain, so a cheap substring test guards every regex search.
ANYWHERE: dict[str, dict[str, str | None]] = {
    "photo credit": {
        "photo credit should read": None,
        "photo": r"\((?:ap|afp|reuters|epa|getty) ?photo\b|\(\s*photo(?:graph)?s?\s*(?:credit)?\s*:[^)]{0,80}\)"
                 r"|\(\s*photo(?:graph)? (?:by|courtesy|credit)\b[^)]{0,80}\)",
        "image": r"\(\s*(?:image|picture)s?\s*(?:credit)?\s*(?::|by)[^)]{0,80}\)|\bimage (?:copyright|caption)\b",
        "credit": r"\(\s*credits?\s*:[^)]{0,80}\)",
        "caption": r"\b(?:hide|toggle|show) caption\b",
        "\u00a9": r"\u00a9\s*[a-z][\w .'-]{1,40}\((?:" + _AGENCY + r")(?:/[a-z ]{1,20})?\)\s*\.?$",
        "getty images": r"/\s*getty images\b|\b(?:via|for) getty images\b|\bgetty images for\b|\((?:ap|afp|reuters|epa)?\s*/?\s*getty images",
        "/": r"/\s*(?:ap|afp|reuters|getty(?: images)?|epa|efe|ansa|xinhua|dpa)\s*/\s*[a-z]|\b[a-z]+/(?:afp|ap|reuters|epa)/getty images\b",
    },
    "tweet embed": {
        "pic.twitter.com/": None,
        "twitter.com/": r"twitter\.com/\w+/status/",
        "(@": r"\(@\w{1,20}\)\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}",
        "( @": r"\(\s@\w{1,20}\s\)\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}",
        "tweet with a location": None,
        "to your tweets": r"add (?:a location|location information) to your tweets\b",
        "to your website": r"add this (?:tweet|video) to your website\b",
        "twitter stores that location": None,
        "location history": r"delete your (?:tweet )?location history\b",
        "embed this": r"\bembed this (?:tweet|video|post)\b",
        "by embedding twitter content": None,
        "proceed to legacy twitter": None,
        "a post shared by": None,
        "on instagram": r"\bview (?:this post|more) on instagram\b",
    },
    "crawl description": {
        "these crawls are part of an effort": None,
        "archive pages as they are created": None,
        "crawl data to the internet archive": None,
        "added to the wayback machine": None,
        "wayback machine after an embargo": None,
        "focused crawls are collections": None,
        "crawl": r"\b(?:wide|web|focused|survey|domain|test) ?crawls?\b.{0,80}\b(?:seed|heritrix|warc|wayback|crawler|embeds)\b"
                 r"|\bthe seed (?:list )?for (?:this|the|wide)\w* crawl\b|\bcrawl (?:start|end) date\b|\bcrawl of outlinks\b"
                 r"|\bthis crawl\b|\bweb crawls\b|\bcrawls? of supported\b",
        "heritrix": None,
        "warc": r"\bwarc(?:zone| files?)\b",
        "archive-it": r"\barchive-it (?:service|partner|collection)\b",
        "end of term": r"\bend of term (?:web )?(?:archive|project|web archiving)\b",
        "no more 404": None,
        "not publicly accessible": None,
        "urls": r"\burls (?:including their embeds|supplied from|of all outbound)\b",
        "web captures": None,
        "companion link to allow people to see": None,
        "the goal is to fix all broken links": None,
    },
    "advertisement": {
        "advertisement continue reading the main story": None,
        "click prev or next to continue viewing": None,
    },
    "cookie notice": {
        "cookies": r"\b(?:we|this (?:web)?site|our (?:web)?site|our partners) (?:and our partners )?(?:uses?|may use|place) cookies\b"
                   r"|\bcookies\b.{0,80}\b(?:you (?:agree|consent|accept)|by continuing|(?:give|provide) you (?:with )?(?:the|a) (?:best|better))\b",
        "personali": r"\bto (?:help )?personali[sz]e content, tailor\b",
    },
    "comment box": {
        "this will appear next to all of your comments": None,
        "this will not appear anywhere on newser": None,
        "i am at least 13 years of age": None,
        "you can only react up to": None,
        "used that reaction on this post": None,
    },
    "newsletter prompt": {
        "to your inbox": r"\bdelivered (?:right |directly )?to your inbox\b",
        "in your inbox every": None,
        "sign up for": r"\bsign up for (?:our|the|one of our|free|daily|the latest)\b.{0,60}\b(?:newsletters?|emails?|alerts|updates)\b",
        "thank you for subscribing": None,
        "thank you for signing up": None,
        "verification email": None,
        "verification message": None,
        "click on the link to activate your": None,
        "confirmation email": None,
        "delivered weekday mornings": None,
        "as an interest to stay up to date": None,
        "select a newsletter": None,
        "newsletters": r"\bview all .{0,40}newsletters\b",
        "push notifications": r"\bget push notifications\b",
        "notification": r"\byour notification has been saved\b|\bemail notifications are only sent\b",
    },
    "copyright": {
        "all rights reserved": None,
        "rewritten": r"\bmay not be published,? broadcast,? rewritten,? or redistributed\b",
        "commercial use only": r"\bfor personal,? non-?commercial use only\b",
        "copyright": r"\bcopyright \u00a9?\s*(?:19|20)\d\d\b",
        "\u00a9": r"\u00a9\s*(?:19|20)\d\d\b",
    },
    "browser notice": {
        "please enable javascript": None,
        "javascript is disabled": None,
        "javascript is required": None,
        "outdated browser": None,
        "browser": r"\bupgrade (?:to a (?:newer|modern|supported) browser|your browser)\b",
        "flash player": r"\bflash player\b.{0,40}\b(?:required|install|update|enable)",
    },
    "transcript notice": {
        "transcripts are created on a rush deadline": None,
        "this text may not be in its final form": None,
        "the authoritative record of": r"\bthe authoritative record of .{0,60}\bis the (?:audio|video) record\b",
    },
    "archive notice": {
        "information in the article may be outdated": None,
        "information in this article may be outdated": None,
        "look at the time stamp": None,
        "look at the timestamp": None,
    },
    "paywall": {
        "subscription is required": None,
        "purchase a subscription": None,
        "subscribers only": None,
        "subscriber only": None,
        "free article": r"\bfree articles? (?:left|remaining|this month)\b",
        "you've": r"\byou've (?:read|reached|used) (?:your|all|\d+)\b.{0,30}\b(?:free|articles)",
        "you have": r"\byou have (?:read|reached|used) (?:your|all|\d+)\b.{0,30}\b(?:free|articles)",
        "thank you for reading": r"\bthank you for reading \d+ free\b",
        "continue reading": r"\bcontinue reading,? (?:please )?(?:subscribe|log|sign)",
        "with a digital subscription": None,
        "please consider subscribing": None,
        "our journalism": r"\b(?:support|enjoy|read) our journalism\b|\bour journalism (?:takes|costs|depends|relies)\b",
    },
}

def compile_rules():
    """The WHOLE lookup, the combined START regex (group `g<i>` names reason i), and the ANYWHERE
    checks indexed by the longest word of their literal: (order, literal, regex or None, reason),
    None meaning the literal alone suffices. Checks whose literal has no word go under ""."""
    whole = {text: reason for reason, texts in WHOLE.items() for text in texts}
    reasons = list(START)
    start = re.compile("|".join(f"(?P<g{i}>{'|'.join(START[r])})" for i, r in enumerate(reasons)))
    assert start.groups == len(reasons), "START rules must use (?:...) groups only"
    anywhere: dict[str, list] = {}
    order = 0
    for reason, table in ANYWHERE.items():
        for literal, pattern in table.items():
            words = re.findall(r"[a-z0-9]+", literal)
            keyword = max(words, key=len) if words else ""
            anywhere.setdefault(keyword, []).append((order, literal, re.compile(pattern) if pattern else None, reason))
            order += 1
    return whole, start, reasons, anywhere
