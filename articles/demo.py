# ruff: noqa: E501 -- prose reads better unwrapped; the code lines stay short.
"""Demo content: topics, people, articles and drawings for a fresh site.

Everything here was written for this project: the companies (Qalam Labs,
Nimbus Cloud, Wadi Pay, Arcwell, Meridian Research, Sahm Ventures), the people
and the events are invented, and links point at example.com/example.org.

The content is data (the tuples below) and `load_demo()` is the one loader.
Rows are keyed by slug (images by file name), so a second run updates in place.
"""

import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from modeltranslation.settings import DEFAULT_LANGUAGE

from articles.demo_images import draw_illustration
from articles.images import delete_files, prepare_upload, store_image
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    CorrectionKind,
    Image,
    Person,
    Quote,
    QuoteKind,
    Section,
    Status,
    Tag,
    Topic,
)
from articles.sanitize import clean_html

CREDIT = "Newsroom illustration"


# --- The shape of the data -------------------------------------------------


@dataclass(frozen=True)
class DemoTopic:
    slug_en: str
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str


@dataclass(frozen=True)
class DemoTag:
    slug_en: str
    name_ar: str
    name_en: str


@dataclass(frozen=True)
class DemoAuthor:
    slug: str
    name_ar: str
    name_en: str
    bio_ar: str
    bio_en: str


@dataclass(frozen=True)
class DemoPerson:
    slug: str
    name_ar: str
    name_en: str
    role_ar: str
    role_en: str


@dataclass(frozen=True)
class DemoImage:
    key: str  # file name stem after "demo-", and the drawing's seed
    style: str  # a painter in demo_images.PAINTERS
    alt_ar: str
    alt_en: str
    caption_ar: str
    caption_en: str


@dataclass(frozen=True)
class DemoSection:
    body_ar: tuple[str, ...]  # paragraphs; inline HTML allowed
    body_en: tuple[str, ...] = ()
    heading_ar: str = ""  # the lead (first section) has none
    heading_en: str = ""
    image: str = ""  # a DemoImage key


@dataclass(frozen=True)
class DemoQuote:
    text_ar: str
    text_en: str = ""
    speaker: str = ""  # a DemoPerson slug; no speaker makes it a pull quote
    after: int | None = None  # index of the section it follows; None: the end
    source_url: str = ""


@dataclass(frozen=True)
class DemoCorrection:
    kind: CorrectionKind
    text_ar: str
    text_en: str
    hours_after: int  # after publication


@dataclass(frozen=True)
class DemoArticle:
    slug_ar: str  # slugified on load
    topic: str  # a DemoTopic slug_en
    headline_ar: str
    standfirst_ar: str
    sections: tuple[DemoSection, ...]
    quotes: tuple[DemoQuote, ...]
    authors: tuple[str, ...]
    tags: tuple[str, ...] = ()
    hero: str = ""
    # None for drafts and articles in review; negative is the past.
    when: timedelta | None = None
    status: Status = Status.PUBLISHED
    slug_en: str = ""
    headline_en: str = ""
    standfirst_en: str = ""
    corrections: tuple[DemoCorrection, ...] = ()
    source_publisher: str = ""
    source_url: str = ""
    source_language: str = ""
    translator: str = ""
    is_commenting_open: bool = True


def ago(*, days: int = 0, hours: int = 0) -> timedelta:
    return -timedelta(days=days, hours=hours)


def ahead(*, days: int = 0, hours: int = 0) -> timedelta:
    return timedelta(days=days, hours=hours)


# --- Navigation, bylines, speakers, tags ------------------------------------

TOPICS = (
    DemoTopic(
        slug_en="ai",
        name_ar="الذكاء الاصطناعي",
        name_en="Artificial intelligence",
        description_ar="النماذج اللغوية وتعلّم الآلة، وما تغيّره في العمل والمجتمع.",
        description_en="Language models, machine learning and what they change at work and in society.",
    ),
    DemoTopic(
        slug_en="cloud",
        name_ar="الحوسبة السحابية",
        name_en="Cloud",
        description_ar="مراكز البيانات والخوادم والخدمات السحابية، وكم تكلّف.",
        description_en="Data centres, servers, cloud services and what they cost.",
    ),
    DemoTopic(
        slug_en="security",
        name_ar="الأمن السيبراني",
        name_en="Security",
        description_ar="الثغرات والهجمات، وكيف تحمي نفسك وشركتك.",
        description_en="Flaws, attacks, and how to protect yourself and your company.",
    ),
    DemoTopic(
        slug_en="business",
        name_ar="الأعمال",
        name_en="Business",
        description_ar="التمويل والشركات الناشئة وأسواق التقنية في المنطقة.",
        description_en="Funding, start-ups and the region's technology markets.",
    ),
    DemoTopic(
        slug_en="mobile",
        name_ar="الهواتف",
        name_en="Mobile",
        description_ar="الهواتف وأنظمة تشغيلها وتطبيقاتها.",
        description_en="Phones, their operating systems and their apps.",
    ),
)

AUTHORS = (
    DemoAuthor(
        slug="reem-alotaibi",
        name_ar="ريم العتيبي",
        name_en="Reem Al-Otaibi",
        bio_ar="محررة شؤون الذكاء الاصطناعي. تكتب عن النماذج اللغوية العربية وعن أثر الأتمتة في سوق العمل.",
        bio_en="AI editor. She writes about Arabic language models and how automation is changing the job market.",
    ),
    DemoAuthor(
        slug="youssef-alkhatib",
        name_ar="يوسف الخطيب",
        name_en="Youssef Al-Khatib",
        bio_ar="مراسل البنية التحتية والحوسبة السحابية، عمل قبل الصحافة مهندساً لأنظمة الشبكات.",
        bio_en="Infrastructure and cloud correspondent; before journalism he was a network engineer.",
    ),
    DemoAuthor(
        slug="salma-bouzid",
        name_ar="سلمى بوزيد",
        name_en="Salma Bouzid",
        bio_ar="تغطي الأمن السيبراني والخصوصية من تونس.",
        bio_en="Covers security and privacy from Tunis.",
    ),
    DemoAuthor(
        slug="tariq-alshami",
        name_ar="طارق الشامي",
        name_en="Tariq Al-Shami",
        bio_ar="محرر الأعمال، يتابع تمويل الشركات الناشئة وأسواق التقنية في المنطقة.",
        bio_en="Business editor, following start-up funding and the region's technology markets.",
    ),
    DemoAuthor(
        slug="heba-nasser",
        name_ar="هبة ناصر",
        name_en="Heba Nasser",
        bio_ar="تراجع الهواتف والأجهزة الاستهلاكية، وتكتب عن تجربة المستخدم العربي.",
        bio_en="Reviews phones and consumer devices and writes about the experience of Arabic-speaking users.",
    ),
)

PEOPLE = (
    DemoPerson(
        slug="layla-haddad",
        name_ar="ليلى حداد",
        name_en="Layla Haddad",
        role_ar="الرئيسة التنفيذية لـ Qalam Labs",
        role_en="Chief executive, Qalam Labs",
    ),
    DemoPerson(
        slug="sofia-lindqvist",
        name_ar="صوفيا ليندكفيست",
        name_en="Sofia Lindqvist",
        role_ar="المديرة التقنية في Nimbus Cloud",
        role_en="Chief technology officer, Nimbus Cloud",
    ),
    DemoPerson(
        slug="omar-benali",
        name_ar="عمر بن علي",
        name_en="Omar Benali",
        role_ar="رئيس أمن المعلومات في Wadi Pay",
        role_en="Chief information security officer, Wadi Pay",
    ),
    DemoPerson(
        slug="hana-youssef",
        name_ar="هناء يوسف",
        name_en="Hana Youssef",
        role_ar="المؤسِّسة الشريكة والرئيسة التنفيذية لـ Wadi Pay",
        role_en="Co-founder and chief executive, Wadi Pay",
    ),
    DemoPerson(
        slug="karim-mansour",
        name_ar="كريم منصور",
        name_en="Karim Mansour",
        role_ar="محلل أول في Meridian Research",
        role_en="Senior analyst, Meridian Research",
    ),
    DemoPerson(
        slug="nour-elsayed",
        name_ar="نور السيد",
        name_en="Nour El-Sayed",
        role_ar="أستاذة علوم الحاسوب في معهد الواحة للحوسبة",
        role_en="Professor of computer science, Oasis Institute of Computing",
    ),
    DemoPerson(
        slug="daniel-okafor",
        name_ar="دانيال أوكافور",
        name_en="Daniel Okafor",
        role_ar="نائب رئيس المنتجات في Arcwell",
        role_en="Vice-president of product, Arcwell",
    ),
    DemoPerson(
        slug="rania-aziz",
        name_ar="رانيا عزيز",
        name_en="Rania Aziz",
        role_ar="باحثة أمنية مستقلة",
        role_en="Independent security researcher",
    ),
)

TAGS = (
    DemoTag(slug_en="qalam-labs", name_ar="مختبرات قلم", name_en="Qalam Labs"),
    DemoTag(slug_en="qalam-3", name_ar="Qalam-3", name_en="Qalam-3"),
    DemoTag(slug_en="nimbus-cloud", name_ar="نيمبس كلاود", name_en="Nimbus Cloud"),
    DemoTag(slug_en="wadi-pay", name_ar="وادي باي", name_en="Wadi Pay"),
    DemoTag(slug_en="arcwell", name_ar="آركويل", name_en="Arcwell"),
    DemoTag(slug_en="mirage-os", name_ar="Mirage OS", name_en="Mirage OS"),
    DemoTag(slug_en="layla-haddad", name_ar="ليلى حداد", name_en="Layla Haddad"),
    DemoTag(slug_en="open-models", name_ar="النماذج المفتوحة", name_en="Open models"),
    DemoTag(slug_en="data-centres", name_ar="مراكز البيانات", name_en="Data centres"),
    DemoTag(slug_en="phishing", name_ar="التصيّد الاحتيالي", name_en="Phishing"),
    DemoTag(slug_en="passkeys", name_ar="مفاتيح المرور", name_en="Passkeys"),
    DemoTag(slug_en="regulation", name_ar="التنظيم", name_en="Regulation"),
    DemoTag(slug_en="education", name_ar="التعليم", name_en="Education"),
)

IMAGES = (
    DemoImage(
        key="ai-network",
        style="network",
        alt_ar="رسم تجريدي لعُقد مضيئة تصل بينها خطوط على خلفية زرقاء",
        alt_en="Abstract drawing of glowing nodes joined by lines on a blue background",
        caption_ar="النماذج اللغوية شبكات من الأوزان والروابط.",
        caption_en="Language models are webs of weights and connections.",
    ),
    DemoImage(
        key="cloud-sky",
        style="clouds",
        alt_ar="رسم تجريدي لسحب بيضاء متراكبة في سماء زرقاء فاتحة",
        alt_en="Abstract drawing of overlapping white clouds in a pale blue sky",
        caption_ar="الحوسبة السحابية: خوادم بعيدة تعمل كأنها قريبة.",
        caption_en="Cloud computing: distant servers that behave as if they were close by.",
    ),
    DemoImage(
        key="security-rings",
        style="shield",
        alt_ar="دوائر متحدة المركز حول شكل سداسي أخضر على شبكة داكنة",
        alt_en="Concentric rings around a green hexagon on a dark grid",
        caption_ar="طبقات من الحماية حول البيانات.",
        caption_en="Layers of protection around data.",
    ),
    DemoImage(
        key="business-bars",
        style="bars",
        alt_ar="أعمدة بيانية فاتحة متفاوتة الطول على خلفية برتقالية",
        alt_en="Pale bar-chart columns of varying height on an orange background",
        caption_ar="التمويل والنمو بالأرقام.",
        caption_en="Funding and growth in numbers.",
    ),
    DemoImage(
        key="mobile-devices",
        style="devices",
        alt_ar="مستطيلات بحواف مستديرة تشبه شاشات هواتف على خلفية بنفسجية",
        alt_en="Round-cornered rectangles like phone screens on a purple background",
        caption_ar="الهواتف وأنظمتها.",
        caption_en="Phones and their software.",
    ),
    DemoImage(
        key="datacentre-racks",
        style="racks",
        alt_ar="صفوف من خزائن الخوادم بمصابيح خضراء في قاعة مظلمة",
        alt_en="Rows of server cabinets with green lights in a dark hall",
        caption_ar="مراكز البيانات: حيث تعمل السحابة فعلاً.",
        caption_en="Data centres: where the cloud actually runs.",
    ),
)


# --- Articles ----------------------------------------------------------------
# Seven are translated into English, seven are Arabic only. Times are relative
# to the moment of loading, so the front page always looks fresh.

ARTICLES = (
    DemoArticle(
        slug_ar="قلم تطلق نموذجا عربيا مفتوح الأوزان",
        slug_en="qalam-labs-releases-open-weights-arabic-model",
        topic="ai",
        when=ago(days=1, hours=3),
        authors=("reem-alotaibi",),
        tags=("qalam-labs", "qalam-3", "layla-haddad", "open-models"),
        hero="ai-network",
        headline_ar="مختبرات Qalam تطلق نموذجاً لغوياً عربياً مفتوح الأوزان",
        headline_en="Qalam Labs releases an open-weights Arabic language model",
        standfirst_ar="النموذج الجديد Qalam-3 متاح للتنزيل مجاناً، وتقول الشركة إنه يفهم اللهجات الخليجية والمغاربية أفضل من سابقيه.",
        standfirst_en="Qalam-3 is free to download, and the company says it understands Gulf and Maghrebi dialects better than its predecessors.",
        sections=(
            DemoSection(
                body_ar=(
                    "أعلنت شركة Qalam Labs الناشئة، ومقرها عمّان، إطلاق نموذجها اللغوي Qalam-3 بأوزان مفتوحة يمكن للمطورين تنزيلها وتشغيلها على خوادمهم الخاصة، في خطوة تقول الشركة إنها تستهدف الجامعات والشركات الصغيرة التي لا تستطيع تحمّل كلفة الواجهات البرمجية المدفوعة.",
                    "ويأتي الإصدار بعد أقل من عام على النسخة السابقة، ويضم ثلاثة أحجام، أصغرها يعمل على حاسوب محمول حديث.",
                ),
                body_en=(
                    "Qalam Labs, a start-up based in Amman, has released its Qalam-3 language model with open weights that developers can download and run on their own servers. The company says the move is aimed at universities and small businesses that cannot afford paid APIs.",
                    "The release comes less than a year after the previous version and ships in three sizes, the smallest of which runs on a recent laptop.",
                ),
            ),
            DemoSection(
                heading_ar="ماذا يقدّم النموذج؟",
                heading_en="What the model offers",
                body_ar=(
                    "دُرّب النموذج على نصوص عربية فصيحة وعامّية جُمعت من كتب ومنتديات ونشرات أخبار مرخّصة، إضافة إلى نصوص إنجليزية وفرنسية. وتقول الشركة إن نسبة النص العربي في بيانات التدريب بلغت <strong>40 في المئة</strong>، مقارنة بأقل من 5 في المئة في أغلب النماذج العالمية.",
                    "ويدعم Qalam-3 سياقاً يصل إلى 128 ألف رمز، ما يسمح بتلخيص عقود أو تقارير طويلة دفعة واحدة.",
                ),
                body_en=(
                    "The model was trained on Modern Standard and colloquial Arabic drawn from licensed books, forums and news bulletins, alongside English and French text. The company says Arabic made up <strong>40 per cent</strong> of the training data, compared with less than 5 per cent in most global models.",
                    "Qalam-3 handles a context of up to 128,000 tokens, enough to summarise a long contract or report in one pass.",
                ),
            ),
            DemoSection(
                heading_ar="اختبار اللهجات",
                heading_en="Putting the dialects to the test",
                body_ar=(
                    'نشرت الشركة نتائج اختبار داخلي على أسئلة مكتوبة باللهجات المصرية والخليجية والمغاربية، وقالت إن النموذج أجاب عن 78 في المئة منها إجابة صحيحة. غير أن هذه النتائج لم تراجعها جهة مستقلة بعد، وقد <a href="https://example.com/qalam-3/evaluation">نشرت الشركة منهجية الاختبار</a> ودعت الباحثين إلى تكراره.',
                ),
                body_en=(
                    'The company published results from an internal test of questions written in Egyptian, Gulf and Maghrebi dialects, and says the model answered 78 per cent of them correctly. No one has reviewed the results independently yet; the company has <a href="https://example.com/qalam-3/evaluation">published its test method</a> and invited researchers to repeat it.',
                ),
            ),
            DemoSection(
                heading_ar="الترخيص والمخاوف",
                heading_en="The licence and its critics",
                body_ar=(
                    "يسمح ترخيص Qalam-3 بالاستخدام التجاري للشركات التي يقل عدد مستخدميها عن مليون مستخدم شهرياً، ويشترط على غيرها توقيع اتفاق منفصل. ويرى منتقدون أن هذا الشرط يجعل وصف «المفتوح» فضفاضاً، إذ لم تنشر الشركة بيانات التدريب نفسها.",
                    "وتقول الشركة إنها أزالت البيانات الشخصية من النصوص قبل التدريب، وإنها ستنشر تقريراً عن المخاطر خلال الأسابيع المقبلة.",
                ),
                body_en=(
                    "Qalam-3's licence allows commercial use by companies with fewer than a million monthly users and requires others to sign a separate agreement. Critics say the condition stretches the word “open”, since the company has not published the training data itself.",
                    "The company says it removed personal data from the texts before training and will publish a risk report in the coming weeks.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="layla-haddad",
                after=1,
                text_ar="لا ينبغي أن تبقى العربية ضيفاً على النماذج الكبيرة؛ نريدها أن تكون في بيتها.",
                text_en="Arabic should not remain a guest in the big models. We want it to be at home there.",
            ),
            DemoQuote(
                after=2,
                text_ar="أجاب النموذج عن 78 في المئة من أسئلة اللهجات، في اختبار لم تراجعه جهة مستقلة بعد.",
                text_en="The model answered 78 per cent of the dialect questions, in a test no one has yet checked independently.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="نيمبس كلاود تفتتح منطقة سحابية في الرياض",
        slug_en="nimbus-cloud-opens-riyadh-region",
        topic="cloud",
        when=ago(days=2, hours=5),
        authors=("youssef-alkhatib",),
        tags=("nimbus-cloud", "data-centres"),
        hero="cloud-sky",
        headline_ar="Nimbus Cloud تفتتح منطقة سحابية في الرياض وتعد بأسعار محلية",
        headline_en="Nimbus Cloud opens a Riyadh region and promises local pricing",
        standfirst_ar="تقول الشركة إن المنطقة الجديدة تقلّص زمن الاستجابة لعملائها في الخليج، وتُبقي بياناتهم داخل المملكة.",
        standfirst_en="The company says the new region cuts latency for its Gulf customers and keeps their data inside the kingdom.",
        sections=(
            DemoSection(
                body_ar=(
                    "افتتحت شركة Nimbus Cloud منطقتها السحابية الأولى في الشرق الأوسط، ومقرها الرياض، وتضم ثلاثة مراكز بيانات منفصلة تفصل بينها عشرات الكيلومترات، حتى لا يُسقط عطل واحد الخدمة كلها.",
                    "وتقدّم المنطقة عند افتتاحها خدمات الحوسبة والتخزين وقواعد البيانات المُدارة، على أن تُضاف خدمات الذكاء الاصطناعي في وقت لاحق من العام.",
                ),
                body_en=(
                    "Nimbus Cloud has opened its first cloud region in the Middle East. Based in Riyadh, it is made up of three separate data centres tens of kilometres apart, so that no single failure can take the whole service down.",
                    "At launch the region offers compute, storage and managed databases; AI services are due later in the year.",
                ),
            ),
            DemoSection(
                heading_ar="لماذا الآن؟",
                heading_en="Why now?",
                body_ar=(
                    "يتزايد الطلب على الخدمات السحابية في المنطقة، ولا سيما من الجهات الحكومية والمصارف، وكثير منها ملزم بقواعد تمنع نقل بيانات العملاء إلى الخارج. وكانت Nimbus Cloud تخدم هؤلاء العملاء من منطقتها في فرانكفورت، ما كان يضيف عشرات الأجزاء من الثانية إلى كل طلب.",
                ),
                body_en=(
                    "Demand for cloud services is rising across the region, especially from government bodies and banks, many of which are bound by rules against moving customer data abroad. Nimbus Cloud had been serving those customers from its Frankfurt region, adding tens of milliseconds to every request.",
                ),
            ),
            DemoSection(
                heading_ar="سيادة البيانات",
                heading_en="Data sovereignty",
                image="datacentre-racks",
                body_ar=(
                    "تقول الشركة إن مفاتيح التشفير الخاصة بعملاء المنطقة ستُحفظ في وحدات أمان مادية داخل المملكة، وإن موظفيها في الخارج لن يتمكنوا من الوصول إلى البيانات من دون موافقة العميل.",
                    "ويرى خبراء أن هذه الضمانات تعتمد في النهاية على التدقيق المستقل، لا على وعود المزوّد وحدها.",
                ),
                body_en=(
                    "The company says encryption keys for customers in the region will be held in hardware security modules inside the kingdom, and that its staff elsewhere will not be able to reach the data without the customer's approval.",
                    "Experts say such guarantees ultimately rest on independent audits rather than on the provider's word alone.",
                ),
            ),
            DemoSection(
                heading_ar="الأسعار",
                heading_en="Pricing",
                body_ar=(
                    'أعلنت الشركة أسعارها بالريال السعودي لأول مرة، وقالت إن الخوادم الافتراضية في الرياض ستكون أغلى بنحو 8 في المئة منها في فرانكفورت بسبب كلفة الطاقة والتبريد. وتتوفر <a href="https://example.com/nimbus/pricing">قائمة الأسعار الكاملة</a> على موقع الشركة.',
                ),
                body_en=(
                    'For the first time the company has published prices in Saudi riyals, saying virtual machines in Riyadh will cost about 8 per cent more than in Frankfurt because of power and cooling. The <a href="https://example.com/nimbus/pricing">full price list</a> is on the company\'s website.',
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="sofia-lindqvist",
                after=0,
                text_ar="بنينا المنطقة بحيث يستطيع العميل أن يجيب بثقة عن سؤال واحد: أين بياناتي الآن؟",
                text_en="We built the region so that a customer can answer one question with confidence: where is my data right now?",
            ),
            DemoQuote(
                speaker="karim-mansour",
                text_ar="المنافسة على الخليج لم تعد على السعر وحده، بل على من يقنع الجهات الرقابية أولاً.",
                text_en="The fight for the Gulf is no longer only about price. It is about who convinces the regulators first.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="ثغرة في بوابة وادي باي كشفت بيانات التجار",
        slug_en="wadi-pay-gateway-flaw-exposed-merchant-data",
        topic="security",
        when=ago(days=3, hours=2),
        authors=("salma-bouzid", "youssef-alkhatib"),
        tags=("wadi-pay",),
        hero="security-rings",
        is_commenting_open=False,
        headline_ar="ثغرة في بوابة دفع Wadi Pay كشفت بيانات آلاف التجار لأشهر",
        headline_en="A flaw in Wadi Pay's payment gateway exposed merchant data for months",
        standfirst_ar="باحثة أمنية عثرت على واجهة برمجية غير محمية، والشركة تقول إنه لا دليل على استغلالها.",
        standfirst_en="A security researcher found an unprotected API; the company says there is no sign it was abused.",
        sections=(
            DemoSection(
                body_ar=(
                    "كشفت الباحثة الأمنية رانيا عزيز عن ثغرة في بوابة الدفع التابعة لشركة Wadi Pay سمحت لأي شخص يعرف رقم تاجر بالاطلاع على اسمه وعنوانه وجزء من رقم حسابه المصرفي، من دون الحاجة إلى تسجيل الدخول.",
                    "وقالت الشركة إنها أغلقت الثغرة خلال ست ساعات من إبلاغها، وإن سجلاتها لا تُظهر أي وصول مريب قبل ذلك.",
                ),
                body_en=(
                    "Security researcher Rania Aziz has disclosed a flaw in Wadi Pay's payment gateway that let anyone who knew a merchant number see that merchant's name, address and part of its bank account number, without logging in.",
                    "The company says it closed the hole within six hours of being told, and that its logs show no suspicious access before then.",
                ),
            ),
            DemoSection(
                heading_ar="كيف اكتُشفت الثغرة",
                heading_en="How the flaw was found",
                body_ar=(
                    "لاحظت عزيز أن لوحة التحكم الخاصة بالتجار تستدعي واجهة برمجية داخلية تعيد بيانات الحساب كاملة، ثم تخفي بعضها في المتصفح فقط. وبتغيير رقم التاجر في الطلب، ظهرت بيانات تجار آخرين.",
                    "ويُعرف هذا النوع من الأخطاء باسم <strong>IDOR</strong>، وهو من أكثر ثغرات تطبيقات الويب شيوعاً وأسهلها استغلالاً.",
                ),
                body_en=(
                    "Aziz noticed that the merchant dashboard called an internal API that returned full account details and merely hid some of them in the browser. Changing the merchant number in the request brought up other merchants' data.",
                    "The mistake is known as an <strong>IDOR</strong> (insecure direct object reference), one of the most common web application flaws and one of the easiest to exploit.",
                ),
            ),
            DemoSection(
                heading_ar="ردّ الشركة",
                heading_en="The company's response",
                body_ar=(
                    "أرسلت Wadi Pay إشعارات إلى نحو 12 ألف تاجر، وقالت إنها ستراجع جميع واجهاتها البرمجية الداخلية بمساعدة شركة تدقيق خارجية. كما أعلنت إطلاق برنامج مكافآت لمن يبلغ عن الثغرات.",
                ),
                body_en=(
                    "Wadi Pay has notified about 12,000 merchants and says it will review all its internal APIs with an outside auditing firm. It has also announced a bug bounty programme.",
                ),
            ),
            DemoSection(
                heading_ar="ماذا يفعل التجار؟",
                heading_en="What merchants should do",
                body_ar=(
                    "تنصح الباحثة التجار بالحذر من أي رسالة تطلب تحديث بيانات الحساب المصرفي، لأن المعلومات المكشوفة قد تجعل رسائل التصيّد أكثر إقناعاً. ولم تتضمن البيانات المكشوفة كلمات مرور أو أرقام بطاقات كاملة.",
                ),
                body_en=(
                    "The researcher advises merchants to be wary of any message asking them to update their bank details, since the exposed information could make phishing messages more convincing. The data did not include passwords or full card numbers.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                after=0,
                text_ar="ظهرت بيانات تجار آخرين بمجرد تغيير رقم واحد في الطلب.",
                text_en="Other merchants' data appeared as soon as one number in the request was changed.",
            ),
            DemoQuote(
                speaker="rania-aziz",
                after=1,
                text_ar="لم يكن الأمر يحتاج إلى أدوات متقدمة؛ يكفي متصفح وقليل من الفضول.",
                text_en="It didn't take advanced tools, just a browser and a little curiosity.",
            ),
            DemoQuote(
                speaker="omar-benali",
                after=2,
                text_ar="أخطأنا حين افترضنا أن أحداً لن يصل إلى واجهة داخلية من الخارج، وقد تخلّينا عن هذا الافتراض في كل أنظمتنا.",
                text_en="We were wrong to assume that no one could reach an internal API from outside, and we have dropped that assumption across all our systems.",
            ),
        ),
        corrections=(
            DemoCorrection(
                kind=CorrectionKind.CORRECTION,
                hours_after=20,
                text_ar="ذكرت نسخة سابقة من هذا المقال أن الثغرة بقيت مفتوحة ستة أشهر، والصحيح أنها بقيت أربعة أشهر بحسب سجلات الشركة.",
                text_en="An earlier version of this article said the flaw was open for six months. According to the company's logs, it was open for four.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="هل تستطيع الشركات الناشئة العربية منافسة عمالقة الذكاء الاصطناعي",
        slug_en="can-arab-startups-compete-with-ai-giants",
        topic="business",
        when=ago(days=4, hours=6),
        authors=("tariq-alshami", "reem-alotaibi"),
        tags=("qalam-labs", "layla-haddad", "open-models"),
        hero="business-bars",
        source_publisher="The Circuit Review",
        source_url="https://example.com/circuit-review/arab-ai-startups",
        source_language="en",
        translator="Newsroom translation desk",
        headline_ar="هل تستطيع الشركات الناشئة العربية منافسة عمالقة الذكاء الاصطناعي؟",
        headline_en="Can Arab start-ups compete with the AI giants?",
        standfirst_ar="تحليل: التمويل يتدفق، لكن كلفة الحوسبة وندرة المواهب تضعان سقفاً لطموحات المنطقة.",
        standfirst_en="Analysis: the money is flowing, but the cost of computing and a shortage of talent put a ceiling on the region's ambitions.",
        sections=(
            DemoSection(
                body_ar=(
                    "جمعت الشركات الناشئة العربية العاملة في الذكاء الاصطناعي العام الماضي تمويلاً يفوق ما جمعته في السنوات الثلاث السابقة مجتمعة، بحسب تقديرات Meridian Research. لكن هذه المبالغ، مهما بدت كبيرة محلياً، تبقى جزءاً صغيراً مما تنفقه شركة عالمية واحدة على تدريب نموذج واحد.",
                    "فهل تكفي معرفة اللغة والسوق لتعويض هذا الفارق؟",
                ),
                body_en=(
                    "Arab AI start-ups raised more money last year than in the previous three years combined, according to estimates by Meridian Research. Yet those sums, large as they look locally, are a small fraction of what a single global company spends training one model.",
                    "Can knowing the language and the market make up the difference?",
                ),
            ),
            DemoSection(
                heading_ar="Timeline: من الجولة الأولى إلى النموذج الثالث",
                heading_en="Timeline: from the first round to the third model",
                body_ar=(
                    "تختصر قصة Qalam Labs مسار كثير من الشركات: جولة تمويل أولى صغيرة قبل ثلاث سنوات، ثم نموذج أول مبني على نموذج مفتوح أجنبي، ثم نموذج ثانٍ دُرّب جزئياً من الصفر، وأخيراً Qalam-3 الذي أُطلق هذا الشهر.",
                    "وفي كل مرحلة، كانت كلفة الحوسبة أكبر بند في الميزانية، متقدمة على الرواتب.",
                ),
                body_en=(
                    "The story of Qalam Labs sums up the path of many companies: a small first round three years ago, then a first model built on a foreign open model, then a second trained partly from scratch, and finally Qalam-3, released this month.",
                    "At every stage, computing was the largest line in the budget, ahead of salaries.",
                ),
            ),
            DemoSection(
                heading_ar="ميزة اللغة",
                heading_en="The language advantage",
                body_ar=(
                    "يرى مؤسسو هذه الشركات أن النماذج العالمية تتعامل مع العربية كلغة ثانوية، فتخطئ في اللهجات وفي السياق الثقافي، وهذا ما يفتح الباب أمام منتجات محلية في التعليم والخدمات الحكومية وخدمة العملاء.",
                ),
                body_en=(
                    "The founders of these companies argue that global models treat Arabic as a secondary language, stumbling over dialects and cultural context, and that this opens the door to local products in education, government services and customer support.",
                ),
            ),
            DemoSection(
                heading_ar="الحوسبة والمواهب",
                heading_en="Compute and talent",
                body_ar=(
                    "غير أن هذه الميزة قد لا تدوم: فكلما حسّنت الشركات الكبرى دعمها للعربية، ضاقت المساحة المتاحة للاعبين الصغار. يضاف إلى ذلك أن كثيراً من المهندسين العرب الموهوبين يعملون بالفعل لدى تلك الشركات، برواتب يصعب على الشركات الناشئة مجاراتها.",
                ),
                body_en=(
                    "The advantage may not last, though: the more the big companies improve their Arabic, the less room is left for small players. On top of that, many talented Arab engineers already work for those companies, on salaries start-ups struggle to match.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="karim-mansour",
                after=0,
                text_ar="المال ليس المشكلة الوحيدة؛ فكل دولار يُنفق على الحوسبة ينتهي به المطاف خارج المنطقة.",
                text_en="Money is not the only problem. Every dollar spent on compute ends up leaving the region.",
            ),
            DemoQuote(
                speaker="layla-haddad",
                after=2,
                text_ar="لن نفوز بالحجم، بل بفهم المستخدم الذي نكتب له.",
                text_en="We will not win on size. We will win by understanding the user we are writing for.",
            ),
            DemoQuote(
                after=3,
                text_ar="كلما حسّنت الشركات الكبرى دعمها للعربية، ضاقت المساحة المتاحة للاعبين الصغار.",
                text_en="The more the big companies improve their Arabic, the less room is left for small players.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="آركويل تكشف عن هاتف قابل للطي بسعر متوسط",
        slug_en="arcwell-unveils-mid-priced-foldable",
        topic="mobile",
        when=ago(days=5, hours=1),
        authors=("heba-nasser",),
        tags=("arcwell", "mirage-os"),
        hero="mobile-devices",
        headline_ar="Arcwell تكشف عن هاتف قابل للطي بسعر متوسط",
        headline_en="Arcwell unveils a mid-priced foldable phone",
        standfirst_ar="هاتف Fold Lite يُطرح بأقل من 600 دولار، لكن الشركة تنازلت عن الكاميرا المتقدمة والشحن اللاسلكي.",
        standfirst_en="The Fold Lite goes on sale for under $600, but the company gave up a high-end camera and wireless charging.",
        sections=(
            DemoSection(
                body_ar=(
                    "كشفت شركة Arcwell عن هاتفها القابل للطي Fold Lite بسعر يبدأ من 579 دولاراً، أي نحو نصف سعر الهواتف المماثلة في السوق، على أن يصل إلى المتاجر في الخليج ومصر الشهر المقبل.",
                ),
                body_en=(
                    "Arcwell has unveiled its Fold Lite foldable phone at a starting price of $579, roughly half the price of comparable phones. It reaches shops in the Gulf and Egypt next month.",
                ),
            ),
            DemoSection(
                heading_ar="أين وفّرت الشركة؟",
                heading_en="Where the savings came from",
                body_ar=(
                    "يستخدم الهاتف معالجاً من الفئة المتوسطة وكاميرا خلفية واحدة بدقة 50 ميغابكسل، ويتخلى عن الشحن اللاسلكي ومقاومة الماء. أما الشاشة الداخلية فمقاسها 7.6 بوصة، ومفصّلها مصنوع من الفولاذ بدلاً من التيتانيوم.",
                    "وتقول الشركة إن المفصّل اختُبر لـ 200 ألف عملية طيّ، أي ما يعادل خمس سنوات من الاستخدام اليومي المكثّف.",
                ),
                body_en=(
                    "The phone uses a mid-range processor and a single 50-megapixel rear camera, and does without wireless charging and water resistance. The inner screen measures 7.6 inches, and the hinge is steel rather than titanium.",
                    "The company says the hinge has been tested for 200,000 folds, the equivalent of five years of heavy daily use.",
                ),
            ),
            DemoSection(
                heading_ar="البرمجيات",
                heading_en="Software",
                body_ar=(
                    "يعمل الهاتف بنظام Mirage OS الذي تطوّره الشركة، وتعد Arcwell بتحديثات أمنية لمدة خمس سنوات. وتضم النسخة العربية من النظام لوحة مفاتيح تنقسم على الشاشة المفتوحة لتسهيل الكتابة بالإبهامين.",
                ),
                body_en=(
                    "The phone runs Arcwell's own Mirage OS, and the company promises five years of security updates. The Arabic edition includes a keyboard that splits across the unfolded screen to make two-thumb typing easier.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                after=1,
                text_ar="اختُبر المفصّل لـ 200 ألف عملية طيّ، أي ما يعادل خمس سنوات من الاستخدام اليومي.",
                text_en="The hinge has been tested for 200,000 folds, about five years of daily use.",
            ),
            DemoQuote(
                speaker="daniel-okafor",
                after=2,
                text_ar="أردنا أن نعرف ما الذي يحتاجه الناس فعلاً من هاتف قابل للطي، فكان الجواب: الشاشة، لا الكاميرا.",
                text_en="We wanted to know what people actually need from a foldable. The answer was the screen, not the camera.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="الجامعات العربية تتسابق لتدريس تعلم الآلة",
        topic="ai",
        when=ago(days=6, hours=4),
        authors=("reem-alotaibi",),
        tags=("education", "nimbus-cloud"),
        hero="ai-network",
        headline_ar="الجامعات العربية تتسابق لتدريس تعلّم الآلة، ومختبراتها تعاني نقص المعالجات",
        standfirst_ar="برامج جديدة في ثمانية بلدان خلال عامين، لكن الطلاب يتقاسمون عدداً قليلاً من وحدات المعالجة الرسومية.",
        sections=(
            DemoSection(
                body_ar=(
                    "افتتحت جامعات في ثمانية بلدان عربية برامج بكالوريوس وماجستير في تعلّم الآلة خلال العامين الماضيين، مدفوعة بطلب متزايد من سوق العمل وبمنح حكومية سخية.",
                    "لكن أساتذة في هذه البرامج يقولون إن المناهج تسبق البنية التحتية، وإن المختبرات لا تملك ما يكفي من المعالجات لتدريب حتى النماذج الصغيرة.",
                ),
            ),
            DemoSection(
                heading_ar="طوابير على المعالجات",
                body_ar=(
                    "في أحد المختبرات التي زرناها، يتقاسم أكثر من ستين طالباً أربع وحدات معالجة رسومية، ويحجزون أوقاتهم عليها قبل أسبوع. ويلجأ بعضهم إلى الحصص المجانية التي تقدّمها المنصات السحابية، لكنها تنفد سريعاً.",
                ),
            ),
            DemoSection(
                heading_ar="شراكات مع الشركات",
                body_ar=(
                    "تحاول بعض الجامعات سدّ الفجوة بشراكات مع شركات سحابية، منها اتفاق بين معهد الواحة للحوسبة وشركة Nimbus Cloud يمنح كل طالب رصيداً شهرياً، بشرط أن يُستخدم لأغراض تعليمية فقط.",
                    "ويحذّر أكاديميون من اعتماد الجامعات على مزوّد واحد، فتصبح مناهجها مرتبطة بأدواته.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                after=1,
                text_ar="يتقاسم أكثر من ستين طالباً أربع وحدات معالجة رسومية، ويحجزون أوقاتهم عليها قبل أسبوع.",
            ),
            DemoQuote(
                speaker="nour-elsayed",
                text_ar="نعلّم الطلاب نظرية المحوّلات في الصباح، ثم ينتظرون حتى منتصف الليل ليجرّبوها.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="حملة تصيد تستهدف موظفي الموارد البشرية",
        topic="security",
        when=ago(days=8, hours=2),
        authors=("salma-bouzid",),
        tags=("phishing", "wadi-pay"),
        hero="security-rings",
        headline_ar="حملة تصيّد تستهدف موظفي الموارد البشرية برسائل توظيف مزيّفة",
        standfirst_ar="المهاجمون يرسلون سيراً ذاتية مفخخة، مستغلين أن فتح المرفقات جزء من العمل اليومي للموظف.",
        sections=(
            DemoSection(
                body_ar=(
                    "رصد باحثون أمنيون حملة تصيّد تستهدف أقسام الموارد البشرية في شركات بالخليج وشمال أفريقيا، يرسل فيها المهاجمون طلبات تقدّم لوظائف معلنة، مرفقة بملفات تبدو سيراً ذاتية عادية.",
                    "وعند فتح الملف، يُطلب من الموظف تفعيل خاصية «تحرير المحتوى» لعرض السيرة كاملة، وهي الخطوة التي تثبّت برنامجاً يسرق كلمات المرور المحفوظة في المتصفح.",
                ),
            ),
            DemoSection(
                heading_ar="لماذا الموارد البشرية؟",
                body_ar=(
                    "تقول الباحثة رانيا عزيز إن موظفي التوظيف يفتحون عشرات المرفقات من غرباء كل يوم بحكم عملهم، ما يجعل نصيحة «لا تفتح المرفقات المجهولة» بلا معنى بالنسبة إليهم.",
                ),
            ),
            DemoSection(
                heading_ar="كيف تحمي الشركات موظفيها؟",
                body_ar=(
                    "ينصح الخبراء بفتح السير الذاتية في بيئة معزولة أو عبر عارض مستندات على الويب لا يشغّل وحدات الماكرو، وبتعطيل وحدات الماكرو افتراضياً على جميع أجهزة الشركة.",
                    "كما يوصون بتفعيل <strong>المصادقة متعددة العوامل</strong> على البريد الإلكتروني للموظفين، حتى لا تكفي كلمة مرور مسروقة وحدها للدخول.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                after=0,
                text_ar="خطوة واحدة، هي تفعيل «تحرير المحتوى»، تكفي لتثبيت برنامج يسرق كلمات المرور.",
            ),
            DemoQuote(
                speaker="rania-aziz",
                after=1,
                text_ar="لا يمكنك أن تطلب من موظف التوظيف ألا يفتح السير الذاتية؛ هذا عمله. عليك أن تجعل فتحها آمناً.",
            ),
            DemoQuote(
                speaker="omar-benali",
                after=2,
                text_ar="في Wadi Pay تصل السير الذاتية إلى الموظف بعد تحويلها إلى ملفات PDF مسطّحة، فلا يصل أي ماكرو إلى أجهزتنا.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="كيف تخفض الشركات فاتورة الحوسبة السحابية",
        topic="cloud",
        when=ago(days=10, hours=7),
        authors=("youssef-alkhatib", "tariq-alshami"),
        tags=("nimbus-cloud",),
        hero="cloud-sky",
        headline_ar="كيف تخفّض الشركات فاتورة الحوسبة السحابية من دون أن تبطئ؟",
        standfirst_ar="ثلاث ممارسات يقول مديرو البنية التحتية إنها وفّرت عليهم ما بين 20 و40 في المئة.",
        sections=(
            DemoSection(
                body_ar=(
                    "مع ارتفاع أسعار الخوادم واتساع استخدام الذكاء الاصطناعي، صارت فاتورة الحوسبة السحابية بنداً يناقشه مجلس الإدارة لا فريق التقنية وحده. تحدثنا إلى مديري البنية التحتية في خمس شركات عمّا ساعدهم أكثر من غيره على خفضها.",
                ),
            ),
            DemoSection(
                heading_ar="إطفاء ما لا يُستخدم",
                body_ar=(
                    "أجمع من تحدثنا إليهم على أن أسهل توفير يأتي من بيئات الاختبار التي تبقى تعمل طوال الليل وفي عطلة نهاية الأسبوع. وقد وفّرت إحدى الشركات 18 في المئة من فاتورتها بجدولة إطفاء هذه البيئات آلياً.",
                ),
            ),
            DemoSection(
                heading_ar="الالتزام المسبق",
                body_ar=(
                    "تمنح المزوّدات، ومنها Nimbus Cloud، خصومات تصل إلى 40 في المئة مقابل الالتزام باستخدام حدّ أدنى لمدة سنة أو ثلاث سنوات. لكن هذا الخيار يناسب الأحمال المستقرة فقط، وقد يتحول إلى عبء إذا تغيّرت خطط الشركة.",
                ),
            ),
            DemoSection(
                heading_ar="قياس كلفة كل ميزة",
                body_ar=(
                    "تتبّع الشركات الأكثر نضجاً كلفة كل ميزة في منتجها، لا كلفة الحساب السحابي إجمالاً. وبذلك يعرف فريق المنتج مثلاً أن ميزة البحث تكلّف ضعف ما تكلّفه الصفحة الرئيسية، فيقرّر عن علم.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="karim-mansour",
                after=2,
                text_ar="الخصم الكبير على الورق قد يصبح أغلى خيار إذا التزمت بسعة لن تحتاجها بعد ستة أشهر.",
            ),
            DemoQuote(
                speaker="sofia-lindqvist",
                after=3,
                text_ar="العميل الذي يعرف كلفة كل ميزة يبقى معنا، لأن الفاتورة لا تفاجئه.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="وادي باي تجمع 40 مليون دولار",
        slug_en="wadi-pay-raises-40-million",
        topic="business",
        when=ago(hours=9),
        authors=("tariq-alshami",),
        tags=("wadi-pay",),
        hero="business-bars",
        headline_ar="Wadi Pay تجمع 40 مليون دولار لتتوسع في شمال أفريقيا",
        headline_en="Wadi Pay raises $40 million to expand into North Africa",
        standfirst_ar="الجولة تأتي بعد أيام من كشف ثغرة في بوابة الشركة، والمستثمرون يقولون إن طريقة تعاملها معها لم تغيّر حساباتهم.",
        standfirst_en="The round comes days after a flaw in the company's gateway came to light; investors say the way it was handled did not change their view.",
        sections=(
            DemoSection(
                body_ar=(
                    "أعلنت شركة Wadi Pay للمدفوعات الرقمية إغلاق جولة تمويل من الفئة B بقيمة 40 مليون دولار، قادها صندوق Sahm Ventures بمشاركة مستثمرين حاليين. وتقول الشركة إنها ستستخدم التمويل لدخول أسواق المغرب وتونس ومصر خلال 18 شهراً.",
                ),
                body_en=(
                    "Digital payments company Wadi Pay has closed a $40 million Series B round led by Sahm Ventures, with existing investors taking part. The company says it will use the money to enter Morocco, Tunisia and Egypt within 18 months.",
                ),
            ),
            DemoSection(
                heading_ar="توقيت حساس",
                heading_en="Awkward timing",
                body_ar=(
                    "جاء الإعلان بعد أيام من كشف ثغرة في بوابة الدفع التابعة للشركة سمحت بالاطلاع على بيانات تجار. وقالت الشركة إن المستثمرين اطّلعوا على تفاصيل الحادثة قبل توقيع الاتفاق.",
                ),
                body_en=(
                    "The announcement came days after a flaw in the company's payment gateway that exposed merchant data came to light. The company says investors were briefed on the incident before the deal was signed.",
                ),
            ),
            DemoSection(
                heading_ar="المنافسة في شمال أفريقيا",
                heading_en="Competition in North Africa",
                body_ar=(
                    "تدخل Wadi Pay سوقاً تتنافس فيها مصارف تقليدية أطلقت محافظ رقمية، وشركات ناشئة محلية تعرف القواعد التنظيمية جيداً. وتراهن الشركة على تحويل الأموال بين الخليج وشمال أفريقيا، حيث يرسل ملايين العاملين أموالاً إلى عائلاتهم كل شهر.",
                ),
                body_en=(
                    "Wadi Pay is entering a market where traditional banks have launched digital wallets and local start-ups know the regulations well. The company is betting on transfers between the Gulf and North Africa, where millions of workers send money home every month.",
                ),
            ),
            DemoSection(
                heading_ar="ما الذي يريده المستثمرون؟",
                heading_en="What investors want",
                body_ar=(
                    "يقول محللون إن المستثمرين في قطاع المدفوعات باتوا يسألون عن الربحية أكثر مما يسألون عن النمو. وتقول Wadi Pay إنها حققت أرباحاً تشغيلية في ربعين متتاليين، من دون أن تكشف أرقاماً مفصّلة.",
                ),
                body_en=(
                    "Analysts say payments investors now ask about profitability more than about growth. Wadi Pay says it has made an operating profit for two quarters in a row, without giving detailed figures.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="hana-youssef",
                after=1,
                source_url="https://example.com/wadi-pay/series-b",
                text_ar="الثقة لا تُبنى بألا تخطئ أبداً، بل بأن تخبر الناس بما حدث قبل أن يسألوا.",
                text_en="Trust isn't built by never making mistakes. It is built by telling people what happened before they ask.",
            ),
            DemoQuote(
                speaker="karim-mansour",
                after=3,
                text_ar="المستثمرون اليوم يريدون أن يروا طريقاً إلى الربح، لا خريطة توسّع فقط.",
                text_en="Investors today want to see a path to profit, not just an expansion map.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="تحديث Mirage OS 5 يطيل عمر البطارية",
        topic="mobile",
        when=ago(days=14, hours=5),
        authors=("heba-nasser",),
        tags=("arcwell", "mirage-os"),
        hero="mobile-devices",
        headline_ar="تحديث Mirage OS 5 يطيل عمر البطارية ويضيف ترجمة فورية للمكالمات",
        standfirst_ar="التحديث يصل إلى هواتف Arcwell الصادرة منذ عام 2022، والترجمة تعمل على الجهاز من دون إنترنت.",
        sections=(
            DemoSection(
                body_ar=(
                    "بدأت شركة Arcwell طرح الإصدار الخامس من نظام Mirage OS لهواتفها، ويعد التحديث بإطالة عمر البطارية نحو ساعتين في الاستخدام اليومي، بفضل جدولة أذكى للتطبيقات التي تعمل في الخلفية.",
                ),
            ),
            DemoSection(
                heading_ar="ترجمة على الجهاز",
                body_ar=(
                    "أبرز ما في التحديث ميزة ترجمة المكالمات الفورية بين العربية والإنجليزية والفرنسية، وهي تعمل بالكامل على الهاتف من دون إرسال الصوت إلى خوادم الشركة. وتقول Arcwell إن التأخير لا يتجاوز ثانية واحدة في أغلب الجمل.",
                    "جرّبنا الميزة في مكالمة مع متحدث بالفرنسية، فجاءت الترجمة مفهومة، لكنها تعثّرت في الأسماء والأرقام.",
                ),
            ),
            DemoSection(
                heading_ar="أيّ الهواتف ستحصل عليه؟",
                body_ar=(
                    "يصل التحديث إلى جميع هواتف Arcwell الصادرة منذ عام 2022، لكن ميزة الترجمة تتطلب ذاكرة لا تقل عن 8 غيغابايت، ما يستثني الطرازات الأرخص.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                after=1,
                text_ar="جاءت الترجمة مفهومة، لكنها تعثّرت في الأسماء والأرقام.",
            ),
            DemoQuote(
                speaker="daniel-okafor",
                after=2,
                text_ar="لا نريد أن يمرّ صوت مكالمتك عبر خوادمنا، ولهذا بنينا الترجمة لتعمل على الهاتف نفسه.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="كم تستهلك النماذج الكبيرة من الطاقة",
        topic="ai",
        when=ago(days=17, hours=2),
        authors=("reem-alotaibi", "youssef-alkhatib"),
        tags=("data-centres", "nimbus-cloud"),
        hero="datacentre-racks",
        source_publisher="Grid & Silicon",
        source_url="https://example.org/grid-and-silicon/how-much-energy-do-models-use",
        source_language="en",
        translator="ترجمة آلية راجعها مكتب التحرير",
        headline_ar="مراكز البيانات والطاقة: كم تستهلك النماذج الكبيرة فعلاً؟",
        standfirst_ar="الأرقام المتداولة متضاربة، والسبب أن الشركات لا تنشر ما يكفي من البيانات.",
        sections=(
            DemoSection(
                body_ar=(
                    "كلما أُعلن عن نموذج لغوي جديد، عادت الأسئلة نفسها: كم من الكهرباء استهلك تدريبه؟ وكم يستهلك كل سؤال نطرحه عليه؟ والإجابات المتداولة على الإنترنت تتفاوت أحياناً بعشرة أضعاف.",
                ),
            ),
            DemoSection(
                heading_ar="التدريب مقابل الاستخدام",
                body_ar=(
                    "يميّز الباحثون بين طاقة التدريب، التي تُستهلك مرة واحدة على مدى أسابيع، وطاقة الاستخدام التي تتراكم مع كل طلب. ومع انتشار المساعدات الذكية، يُرجَّح أن يفوق استهلاك الاستخدام استهلاك التدريب على امتداد عمر النموذج.",
                ),
            ),
            DemoSection(
                heading_ar="التبريد في المناخ الحار",
                image="ai-network",
                body_ar=(
                    "تستهلك أنظمة التبريد في مراكز البيانات بالمناطق الحارة حصة من الطاقة أكبر مما تستهلكه في المناطق الباردة. ولهذا تتجه بعض المراكز الجديدة في الخليج إلى التبريد السائل المباشر على المعالجات، بدلاً من تبريد القاعات بالهواء.",
                ),
            ),
            DemoSection(
                heading_ar="ما الذي ينقصنا؟",
                body_ar=(
                    'يطالب باحثون بأن تنشر الشركات استهلاك الطاقة لكل نموذج بطريقة موحّدة، على غرار <a href="https://example.org/energy-labels">ملصقات كفاءة الأجهزة المنزلية</a>. ومن دون ذلك، ستبقى المقارنات تقديرات قائمة على افتراضات.',
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                after=0,
                text_ar="الإجابات المتداولة على الإنترنت تتفاوت أحياناً بعشرة أضعاف.",
            ),
            DemoQuote(
                speaker="nour-elsayed",
                after=1,
                text_ar="الرقم الذي يهمّ ليس كلفة تدريب النموذج مرة واحدة، بل كلفة مليار سؤال بعد ذلك.",
            ),
            DemoQuote(
                speaker="sofia-lindqvist",
                after=2,
                text_ar="في الرياض نصمّم التبريد قبل أن نصمّم القاعات، لأن الحرارة هي القيد الأول.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="دليل تفعيل مفاتيح المرور",
        slug_en="guide-switch-on-passkeys",
        topic="security",
        when=ahead(days=3),
        authors=("salma-bouzid",),
        tags=("passkeys", "phishing"),
        hero="security-rings",
        headline_ar="دليل: كيف تفعّل مفاتيح المرور على حساباتك الأساسية؟",
        headline_en="Guide: how to switch on passkeys for your main accounts",
        standfirst_ar="مفاتيح المرور تغني عن كلمات السر وتقاوم التصيّد. هذه خطوات تفعيلها في دقائق.",
        standfirst_en="Passkeys replace passwords and resist phishing. Here is how to set them up in a few minutes.",
        sections=(
            DemoSection(
                body_ar=(
                    "مفتاح المرور (Passkey) بديل لكلمة السر يعتمد على التشفير بالمفتاح العام: يبقى المفتاح الخاص على هاتفك أو حاسوبك ولا يُرسل إلى الموقع أبداً، فلا يستطيع موقع مزيّف أن يسرقه.",
                ),
                body_en=(
                    "A passkey is a replacement for a password built on public-key cryptography: the private key stays on your phone or computer and is never sent to the website, so a fake site cannot steal it.",
                ),
            ),
            DemoSection(
                heading_ar="قبل أن تبدأ",
                heading_en="Before you start",
                body_ar=(
                    "تأكد من أن نظام تشغيل هاتفك ومتصفحك محدّثان، ومن أن قفل الشاشة مفعّل ببصمة أو رمز، لأن مفتاح المرور يعتمد عليه للتحقق من هويتك.",
                ),
                body_en=(
                    "Make sure your phone's operating system and your browser are up to date and that the screen lock is on, with a fingerprint or a PIN: the passkey relies on it to check that it is you.",
                ),
            ),
            DemoSection(
                heading_ar="الخطوات",
                heading_en="The steps",
                body_ar=(
                    "افتح إعدادات الأمان في الحساب واختر «إنشاء مفتاح مرور»، ثم أكّد ببصمتك أو رمز القفل. ابدأ بالبريد الإلكتروني لأنه مفتاح استعادة بقية حساباتك، ثم حسابك المصرفي ومتاجر التطبيقات.",
                    "احتفظ بكلمة السر القديمة ووسيلة الاستعادة إلى أن تتأكد من أن مفتاح المرور يعمل على جميع أجهزتك.",
                ),
                body_en=(
                    "Open the account's security settings, choose “Create a passkey” and confirm with your fingerprint or PIN. Start with your email, since it is the key to recovering your other accounts, then your bank and app stores.",
                    "Keep your old password and recovery method until you are sure the passkey works on all your devices.",
                ),
            ),
            DemoSection(
                heading_ar="إذا فقدت هاتفك",
                heading_en="If you lose your phone",
                body_ar=(
                    "تُنسخ مفاتيح المرور احتياطياً في أغلب الأحيان عبر مدير كلمات السر أو حساب نظام التشغيل السحابي، فتنتقل إلى هاتفك الجديد. أما إن كنت تستخدم مفتاح أمان مادياً، فاحتفظ بمفتاح ثانٍ في مكان آمن.",
                ),
                body_en=(
                    "Passkeys are usually backed up through a password manager or your operating system's cloud account, so they move to your new phone. If you use a physical security key, though, keep a second one somewhere safe.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="rania-aziz",
                after=0,
                text_ar="لا يمكن إدخال مفتاح المرور في موقع مزيّف، وهذا وحده يقضي على أغلب هجمات التصيّد التي نراها.",
                text_en="A passkey cannot be typed into a fake website, and that alone stops most of the phishing attacks we see.",
            ),
            DemoQuote(
                after=2,
                text_ar="ابدأ بالبريد الإلكتروني، لأنه مفتاح استعادة بقية حساباتك.",
                text_en="Start with your email: it is the key to recovering everything else.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="قواعد وسم المحتوى المولد آليا",
        topic="ai",
        status=Status.DRAFT,
        authors=("reem-alotaibi", "tariq-alshami"),
        tags=("regulation",),
        headline_ar="مسودة قواعد لوسم المحتوى المولَّد آلياً تثير جدلاً بين الناشرين",
        standfirst_ar="الجهات التنظيمية تريد علامة واضحة على النصوص والصور المولَّدة، والناشرون يسألون: من يتحقق؟",
        sections=(
            DemoSection(
                body_ar=(
                    "تدرس جهات تنظيمية في عدة بلدان عربية مسودة قواعد تُلزم المنصات والناشرين بوسم أي نص أو صورة أُنتجت بأدوات الذكاء الاصطناعي بعلامة ظاهرة للقارئ.",
                ),
            ),
            DemoSection(
                heading_ar="ما الذي تقترحه المسودة؟",
                body_ar=(
                    "تقترح المسودة عبارة قصيرة أسفل المحتوى، وعلامة مائية غير مرئية في الصور، وغرامات على المنصات التي تزيل هذه العلامات عمداً.",
                ),
            ),
            DemoSection(
                heading_ar="اعتراضات الناشرين",
                body_ar=(
                    "يقول ناشرون إن الحدّ الفاصل غير واضح: هل يحتاج مقال كتبه صحفي واستعان بأداة لتدقيق الإملاء إلى وسم؟ ويطالبون بأن تقتصر القواعد على المحتوى المولَّد بالكامل.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="nour-elsayed",
                after=2,
                text_ar="الوسم مفيد إذا أخبر القارئ بشيء حقيقي، أما إذا وُضع على كل شيء فسيتجاهله الجميع.",
            ),
        ),
    ),
    DemoArticle(
        slug_ar="نيمبس كلاود تختبر خوادم ARM",
        topic="cloud",
        status=Status.IN_REVIEW,
        authors=("youssef-alkhatib",),
        tags=("nimbus-cloud", "data-centres"),
        hero="datacentre-racks",
        headline_ar="Nimbus Cloud تختبر خوادم بمعالجات ARM وتعد بخفض الكلفة",
        standfirst_ar="الخوادم الجديدة متاحة لعدد محدود من العملاء، وتقول الشركة إنها أرخص بنحو الخُمس.",
        sections=(
            DemoSection(
                body_ar=(
                    "بدأت Nimbus Cloud اختبار خوادم افتراضية تعمل بمعالجات مبنية على معمارية ARM مع عدد محدود من العملاء، وتقول إنها تقدّم أداءً مماثلاً لخوادمها الحالية بكلفة أقل بنحو 20 في المئة.",
                ),
            ),
            DemoSection(
                heading_ar="ما الذي يتغيّر للمطورين؟",
                body_ar=(
                    "تعمل أغلب التطبيقات المكتوبة بلغات مثل Python وJava وGo على المعمارية الجديدة من دون تعديل، لكن البرمجيات التي تعتمد على مكتبات مترجمة مسبقاً قد تحتاج إلى إعادة بناء.",
                ),
            ),
            DemoSection(
                heading_ar="متى تتوفر للجميع؟",
                body_ar=(
                    "لم تحدد الشركة موعداً للإتاحة العامة، واكتفت بالقول إنها ستوسّع الاختبار إلى منطقة الرياض خلال الربع المقبل.",
                ),
            ),
        ),
        quotes=(
            DemoQuote(
                speaker="sofia-lindqvist",
                after=1,
                text_ar="نريد من المطورين أن يجرّبوا ويكسروا الأشياء الآن، قبل أن نفتح الخدمة للجميع.",
            ),
        ),
    ),
)


# --- Loading ---------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    """How many demo rows exist after a load, by kind."""

    topics: int
    tags: int
    authors: int
    people: int
    images: int
    images_drawn: int  # zero on a rerun: existing drawings are kept
    articles: int
    published: int
    scheduled: int
    in_review: int
    drafts: int
    translated: int
    sections: int
    quotes: int
    corrections: int
    bylines: int


M = TypeVar("M", bound=models.Model)


def load_demo(*, now: datetime | None = None) -> DemoSummary:
    """Create or refresh the demo content; running it again changes no counts."""
    now = now or timezone.now()
    written: list[str] = []
    try:
        # modeltranslation fills the untranslated base columns (slug, headline…)
        # from the active language on save; they must hold the default language.
        with translation.override(DEFAULT_LANGUAGE), transaction.atomic():
            return _load(now=now, written=written)
    except BaseException:
        # The rows roll back; the files drawn for them would otherwise stay behind.
        delete_files(Image._meta.get_field("file").storage, written)
        raise


def _load(*, now: datetime, written: list[str]) -> DemoSummary:
    topics = {
        demo.slug_en: _upsert(
            Topic,
            {"slug_ar": _slug(demo.name_ar)},
            {
                "slug_en": demo.slug_en,
                "name_ar": demo.name_ar,
                "name_en": demo.name_en,
                "description_ar": demo.description_ar,
                "description_en": demo.description_en,
                "position": position,
            },
        )
        for position, demo in enumerate(TOPICS, start=1)
    }
    tags = {
        demo.slug_en: _upsert(
            Tag,
            {"slug_ar": _slug(demo.name_ar)},
            {"slug_en": demo.slug_en, "name_ar": demo.name_ar, "name_en": demo.name_en},
        )
        for demo in TAGS
    }
    authors = {
        demo.slug: _upsert(
            Author,
            {"slug": demo.slug},
            {
                "name_ar": demo.name_ar,
                "name_en": demo.name_en,
                "bio_ar": demo.bio_ar,
                "bio_en": demo.bio_en,
            },
        )
        for demo in AUTHORS
    }
    people = {
        demo.slug: _upsert(
            Person,
            {"slug": demo.slug},
            {
                "name_ar": demo.name_ar,
                "name_en": demo.name_en,
                "role_ar": demo.role_ar,
                "role_en": demo.role_en,
            },
        )
        for demo in PEOPLE
    }
    images: dict[str, Image] = {}
    drawn = 0
    for demo in IMAGES:
        images[demo.key], is_drawn = _image(demo, written=written)
        drawn += is_drawn

    articles = [
        _article(
            demo,
            now=now,
            topics=topics,
            tags=tags,
            authors=authors,
            people=people,
            images=images,
        )
        for demo in ARTICLES
    ]

    loaded = Article.objects.filter(pk__in=[article.pk for article in articles])
    published = loaded.filter(status=Status.PUBLISHED)
    return DemoSummary(
        topics=len(topics),
        tags=len(tags),
        authors=len(authors),
        people=len(people),
        images=len(images),
        images_drawn=drawn,
        articles=loaded.count(),
        published=published.filter(published_at__lte=now).count(),
        scheduled=published.filter(published_at__gt=now).count(),
        in_review=loaded.filter(status=Status.IN_REVIEW).count(),
        drafts=loaded.filter(status=Status.DRAFT).count(),
        translated=loaded.filter(headline_en__isnull=False).count(),
        sections=Section.objects.filter(article__in=loaded).count(),
        quotes=Quote.objects.filter(article__in=loaded).count(),
        corrections=Correction.objects.filter(article__in=loaded).count(),
        bylines=ArticleAuthor.objects.filter(article__in=loaded).count(),
    )


def _article(
    demo: DemoArticle,
    *,
    now: datetime,
    topics: dict[str, Topic],
    tags: dict[str, Tag],
    authors: dict[str, Author],
    people: dict[str, Person],
    images: dict[str, Image],
) -> Article:
    published_at = now + demo.when if demo.when is not None else None
    article = _upsert(
        Article,
        {"slug_ar": _slug(demo.slug_ar)},
        {
            # None, not "": the per-language unique slug must allow many
            # articles without English, and the headline's empty value is None.
            "slug_en": demo.slug_en or None,
            "headline_ar": demo.headline_ar,
            "headline_en": demo.headline_en or None,
            "standfirst_ar": demo.standfirst_ar,
            "standfirst_en": demo.standfirst_en or None,
            "topic": topics[demo.topic],
            "hero_image": images[demo.hero] if demo.hero else None,
            "status": demo.status,
            "published_at": published_at,
            "source_publisher": demo.source_publisher,
            "source_url": demo.source_url,
            "source_language": demo.source_language,
            "translator": demo.translator,
            "is_commenting_open": demo.is_commenting_open,
        },
    )
    article.tags.set([tags[slug] for slug in demo.tags])

    bylines = [
        _upsert(
            ArticleAuthor,
            {"article": article, "author": authors[slug]},
            {"position": position},
        )
        for position, slug in enumerate(demo.authors, start=1)
    ]
    _delete_others(article.articleauthor_set, bylines)

    # One refresh at the end also covers the bulk deletes, which skip delete().
    with article.refreshing_once():
        sections = [
            _upsert(
                Section,
                {"article": article, "position": position},
                {
                    "heading_ar": section.heading_ar,
                    "heading_en": section.heading_en or None,
                    "body_ar": _paragraphs(section.body_ar),
                    "body_en": _paragraphs(section.body_en),
                    "image": images[section.image] if section.image else None,
                },
            )
            for position, section in enumerate(demo.sections, start=1)
        ]
        _delete_others(article.sections, sections)

        quotes = [
            _upsert(
                Quote,
                {"article": article, "position": position},
                {
                    "kind": QuoteKind.ATTRIBUTED if quote.speaker else QuoteKind.PULL,
                    "text_ar": quote.text_ar,
                    "text_en": quote.text_en or None,
                    "speaker": people[quote.speaker] if quote.speaker else None,
                    "source_url": quote.source_url,
                    "after_section": (
                        sections[quote.after] if quote.after is not None else None
                    ),
                },
            )
            for position, quote in enumerate(demo.quotes, start=1)
        ]
        _delete_others(article.quotes, quotes)

        corrections = [
            _upsert(
                Correction,
                {"article": article, "kind": correction.kind},
                {
                    "text_ar": correction.text_ar,
                    "text_en": correction.text_en or None,
                    "noted_at": published_at + timedelta(hours=correction.hours_after),
                },
            )
            for correction in demo.corrections
            if published_at is not None
        ]
        _delete_others(article.corrections, corrections)
    return article


def _image(demo: DemoImage, *, written: list[str]) -> tuple[Image, bool]:
    """The demo image stored as `demo-<key>.jpg`, drawn only if it is missing."""
    filename = f"demo-{demo.key}.jpg"
    storage = Image._meta.get_field("file").storage
    image = Image.objects.filter(file__endswith=f"/{filename}").order_by("pk").first()
    texts = {
        "alt_text_ar": demo.alt_ar,
        "alt_text_en": demo.alt_en,
        "caption_ar": demo.caption_ar,
        "caption_en": demo.caption_en,
        "credit": CREDIT,
    }
    if image is not None and storage.exists(image.file.name):
        if _differs(image, texts):
            for name, value in texts.items():
                setattr(image, name, value)
            image.save()
        return image, False

    target = Image._meta.get_field("file").generate_filename(image or Image(), filename)
    if storage.exists(target):
        # No row points at it (the lookup above would have found it): a
        # leftover of a crashed run. Replacing it keeps the name stable
        # instead of letting the storage add a random suffix.
        storage.delete(target)
    drawing = draw_illustration(demo.style, filename)
    if image is None:
        image = store_image(drawing, name=filename, **texts)
    else:
        # The row survived but its file did not (a wiped media folder).
        image.file = prepare_upload(io.BytesIO(drawing), name=filename)
        for name, value in texts.items():
            setattr(image, name, value)
        image.save()
    written.extend(image.stored_names())
    return image, True


def _upsert(model: type[M], key: dict[str, Any], values: dict[str, Any]) -> M:
    """Like update_or_create, but a full save(), and none for an unchanged row.

    update_or_create saves only the named columns, and modeltranslation fills
    the base column (`headline` beside `headline_ar`) only on a full save.
    Skipping unchanged rows keeps a rerun from touching updated_at and from
    rebuilding search and translation state that cannot have changed.
    """
    obj = model._default_manager.filter(**key).order_by("pk").first()
    if obj is not None and not _differs(obj, values):
        return obj
    obj = obj or model(**key)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def _differs(obj: models.Model, values: dict[str, Any]) -> bool:
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.is_relation:
            # Compare ids: reading the relation would cost a query per field.
            current, value = getattr(obj, field.attname), value and value.pk
        else:
            current = getattr(obj, name)
        if current != value:
            return True
    return False


def _delete_others(related: models.Manager, kept: list[models.Model]) -> None:
    """Drop rows an earlier demo version (or an editor) added to a demo article."""
    related.exclude(pk__in=[obj.pk for obj in kept]).delete()


def _slug(text: str) -> str:
    return slugify(text, allow_unicode=True)


def _paragraphs(paragraphs: tuple[str, ...]) -> str | None:
    # Cleaned as Section.save() would store it, so a rerun compares equal.
    return clean_html("".join(f"<p>{p}</p>" for p in paragraphs)) or None
