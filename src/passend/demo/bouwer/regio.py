"""The invented demo region "Lingebroek": its municipalities, places, boards and schools.

Everything here is fiction that looks real: no such SWV, municipality or school exists.
Codes are chosen to stay clear of real ones: gemeentecodes 99xx, SWV codes xx2898/2899,
BRIN numbers starting with 9 and bevoegd-gezagnummers starting with 9 (see
``organisatieplan``). The seed decides codes, addresses and sizes; the catalogue below
decides names, so log-in names stay readable (``ib.dezonnebloem``).
"""

from dataclasses import dataclass
from datetime import date

from passend.demo.bouwer.namen import namenlijst
from passend.demo.bouwer.plan import GemeentePlan, SwvPlan
from passend.organisaties.rules import Sector, Soort

#: The date the demo is "about": ages and school years are counted from here, never from
#: today. 1 October is the VO teldatum; school year 2026-2027 started on 1 August 2026.
PEILDATUM = date(2026, 10, 1)
SCHOOLJAAR_START = date(2026, 8, 1)
#: Start of passend onderwijs: the SWV memberships of the region begin here.
START_PASSEND_ONDERWIJS = date(2014, 8, 1)
#: The roles of the demo staff start here (open end).
ROLLEN_VAN = date(2020, 8, 1)

SWV_PO = SwvPlan("PO2899", "Samenwerkingsverband Passend Primair Lingebroek", Sector.PO)
SWV_VO = SwvPlan(
    "VO2899", "Samenwerkingsverband Passend Voortgezet Onderwijs Lingebroek", Sector.VO
)
#: A neighbouring SWV, to show a location's membership history.
SWV_BUREN = SwvPlan("PO2898", "Samenwerkingsverband Primair Onderwijs Kromme Waarden", Sector.PO)

GEMEENTEN = (
    GemeentePlan("9901", "Lingebroek"),
    GemeentePlan("9902", "Waaldijk"),
    GemeentePlan("9903", "Oosterlinge"),
)
PROVINCIE = "Gelderland"


@dataclass(frozen=True)
class Plaats:
    naam: str
    gemeente_code: str
    postcodecijfers: tuple[str, ...]
    breedtegraad: float
    lengtegraad: float
    gewicht: int


#: Places around 51.9 N 5.3 E, each with its own postcode digits.
PLAATSEN = (
    Plaats("Lingebroek", "9901", ("4141", "4142", "4143"), 51.880, 5.283, 6),
    Plaats("Asperdijk", "9901", ("4145",), 51.868, 5.214, 2),
    Plaats("Hoogwaarde", "9901", ("4147",), 51.903, 5.331, 2),
    Plaats("Waaldijk", "9902", ("4161", "4162"), 51.842, 5.362, 4),
    Plaats("Rijswaard", "9902", ("4165",), 51.822, 5.301, 1),
    Plaats("Kerkwaarde", "9902", ("4167",), 51.851, 5.432, 1),
    Plaats("Oosterlinge", "9903", ("4171", "4172"), 51.921, 5.402, 3),
    Plaats("Meerdijk", "9903", ("4175",), 51.948, 5.351, 1),
    Plaats("Varikhoven", "9903", ("4178",), 51.934, 5.471, 1),
)
PLAATS = {p.naam: p for p in PLAATSEN}

STRAATNAMEN = namenlijst(
    """Kerkstraat, Dorpsstraat, Molenweg, Schoolstraat, Julianastraat, Beatrixlaan,
    Wilhelminastraat, Lingedijk, Waalbandijk, Appelgaard, Kersenlaan, Populierenlaan,
    Eikenlaan, Rembrandtlaan, Vermeerstraat, Marktplein, Stationsweg, Hoofdstraat, Nieuwstraat,
    Achterweg, Veldweg, Bongerdweg, Meidoornstraat, Lindelaan, Esdoornlaan, Vlinderweg,
    Zwanenveld, Reigerlaan, Ooievaarstraat, Graaf Reinaldlaan, Prins Bernhardstraat,
    Oranjelaan, Sportlaan, Burgemeester de Withstraat, Pastoor van Arsstraat, Kloosterhof,
    Tiendweg, Uiterwaard, Kribbe, Weteringsingel, Broekstraat, Boomgaardweg, Notenhof,
    Perenlaan, Pruimenhof, Dijkgraafweg, Polderweg, Havenstraat, Sluisweg"""
)

#: Parts of the postcode letters that PostNL never hands out.
VERBODEN_POSTCODELETTERS = frozenset({"SA", "SD", "SS"})
POSTCODELETTERS = "ABCEGHJKLMNPRSTVWXZ"


@dataclass(frozen=True)
class BestuurSjabloon:
    sleutel: str
    naam: str


BESTUREN = (
    BestuurSjabloon("openbaar", "Stichting Openbaar Primair Onderwijs Lingebroek"),
    BestuurSjabloon("pc", "Vereniging Protestants-Christelijk Onderwijs Linge en Waal"),
    BestuurSjabloon("rk", "Stichting Katholiek Primair Onderwijs De Waarden"),
    BestuurSjabloon("kindcentra", "Stichting Kindcentra Oosterlinge"),
    BestuurSjabloon("speciaal", "Stichting Speciaal Onderwijs Lingebroek"),
    BestuurSjabloon("vo", "Stichting Voortgezet Onderwijs Linge en Waal"),
    BestuurSjabloon("cvo", "Vereniging Christelijk Voortgezet Onderwijs Oosterlinge"),
)


@dataclass(frozen=True)
class SchoolSjabloon:
    sleutel: str
    naam: str
    soort: str
    denominatie: str
    bestuur: str
    plaatsen: tuple[str, ...]
    onderwijsstructuur: str = ""
    #: An earlier board, until this date (a merger of boards, to show history).
    vorig_bestuur: tuple[str, date] | None = None
    #: An earlier SWV of the first location, until this date.
    vorig_swv: tuple[str, date] | None = None


_O, _PC, _RK = "Openbaar", "Protestants-Christelijk", "Rooms-Katholiek"
_AB, _IC = "Algemeen bijzonder", "Interconfessioneel"

SCHOLEN = (
    SchoolSjabloon(
        "dezonnebloem", "OBS De Zonnebloem", Soort.BAO, _O, "openbaar", ("Lingebroek", "Asperdijk")
    ),
    SchoolSjabloon("deregenboog", "CBS De Regenboog", Soort.BAO, _PC, "pc", ("Lingebroek",)),
    SchoolSjabloon("hetkompas", "OBS Het Kompas", Soort.BAO, _O, "openbaar", ("Lingebroek",)),
    SchoolSjabloon("sintjozef", "RKBS Sint Jozef", Soort.BAO, _RK, "rk", ("Lingebroek",)),
    SchoolSjabloon("dewegwijzer", "CBS De Wegwijzer", Soort.BAO, _PC, "pc", ("Hoogwaarde",)),
    SchoolSjabloon(
        "despringplank", "OBS De Springplank", Soort.BAO, _O, "openbaar", ("Hoogwaarde",)
    ),
    SchoolSjabloon("deschakel", "CBS De Schakel", Soort.BAO, _PC, "pc", ("Asperdijk",)),
    SchoolSjabloon(
        "hetpalet", "Kindcentrum Het Palet", Soort.BAO, _IC, "kindcentra", ("Waaldijk",)
    ),
    SchoolSjabloon("deklimop", "RKBS De Klimop", Soort.BAO, _RK, "rk", ("Waaldijk",)),
    SchoolSjabloon(
        "debongerd", "OBS De Bongerd", Soort.BAO, _O, "openbaar", ("Waaldijk", "Rijswaard")
    ),
    SchoolSjabloon(
        "derivier",
        "Kindcentrum De Rivier",
        Soort.BAO,
        _AB,
        "kindcentra",
        ("Waaldijk",),
        vorig_bestuur=("openbaar", date(2021, 7, 31)),
    ),
    SchoolSjabloon(
        "dewilgenhoek",
        "CBS De Wilgenhoek",
        Soort.BAO,
        _PC,
        "pc",
        ("Kerkwaarde",),
        vorig_swv=(SWV_BUREN.code, date(2019, 7, 31)),
    ),
    SchoolSjabloon(
        "denotenkraker", "OBS De Notenkraker", Soort.BAO, _O, "openbaar", ("Oosterlinge",)
    ),
    SchoolSjabloon("hetanker", "CBS Het Anker", Soort.BAO, _PC, "pc", ("Oosterlinge",)),
    SchoolSjabloon(
        "demeander", "Kindcentrum De Meander", Soort.BAO, _AB, "kindcentra", ("Oosterlinge",)
    ),
    SchoolSjabloon("sintmaarten", "RKBS Sint Maarten", Soort.BAO, _RK, "rk", ("Meerdijk",)),
    SchoolSjabloon(
        "willemalexander", "CBS Prins Willem-Alexander", Soort.BAO, _PC, "pc", ("Varikhoven",)
    ),
    SchoolSjabloon("deuilenburcht", "RKBS De Uilenburcht", Soort.BAO, _RK, "rk", ("Oosterlinge",)),
    SchoolSjabloon(
        "hetmozaiek", "OBS Het Mozaïek", Soort.BAO, _O, "openbaar", ("Lingebroek", "Hoogwaarde")
    ),
    SchoolSjabloon("debrug", "SBO De Brug", Soort.SBO, _PC, "pc", ("Lingebroek",)),
    SchoolSjabloon("hetbaken", "SBO Het Baken", Soort.SBO, _O, "openbaar", ("Oosterlinge",)),
    SchoolSjabloon("delindeboom", "SO De Lindeboom", Soort.SO, _AB, "speciaal", ("Waaldijk",)),
    SchoolSjabloon(
        "delingehof",
        "Expertisecentrum De Lingehof",
        Soort.SO_VSO,
        _AB,
        "speciaal",
        ("Lingebroek",),
        onderwijsstructuur="SO/VSO",
    ),
    SchoolSjabloon(
        "hetrivierhuis",
        "VSO Het Rivierhuis",
        Soort.VSO,
        _AB,
        "speciaal",
        ("Oosterlinge",),
        onderwijsstructuur="VSO",
    ),
    SchoolSjabloon(
        "lingecollege",
        "Lingecollege",
        Soort.VO,
        _O,
        "vo",
        ("Lingebroek",),
        onderwijsstructuur="VBO/MAVO",
    ),
    SchoolSjabloon(
        "waallandlyceum",
        "Waalland Lyceum",
        Soort.VO,
        _O,
        "vo",
        ("Waaldijk",),
        onderwijsstructuur="HAVO/VWO",
    ),
    SchoolSjabloon(
        "dedriestroom",
        "Scholengemeenschap De Driestroom",
        Soort.VO,
        _IC,
        "vo",
        ("Lingebroek",),
        onderwijsstructuur="VBO/MAVO/HAVO/VWO",
    ),
    SchoolSjabloon(
        "broekhorst",
        "Broekhorst College",
        Soort.VO,
        _PC,
        "cvo",
        ("Oosterlinge",),
        onderwijsstructuur="MAVO/HAVO/VWO",
    ),
    SchoolSjabloon(
        "deboomgaard",
        "Praktijkschool De Boomgaard",
        Soort.PRO,
        _O,
        "vo",
        ("Waaldijk",),
        onderwijsstructuur="PRO",
    ),
)

#: Plausible pupil numbers per location (the DUO count), by soort; a second location
#: (dependance) is smaller.
LEERLINGENAANTAL: dict[str, tuple[int, int]] = {
    Soort.BAO: (110, 420),
    Soort.SBO: (110, 190),
    Soort.SO: (60, 110),
    Soort.SO_VSO: (140, 240),
    Soort.VSO: (70, 140),
    Soort.VO: (650, 1500),
    Soort.PRO: (160, 280),
}
DEPENDANCE_LEERLINGENAANTAL = (40, 140)
