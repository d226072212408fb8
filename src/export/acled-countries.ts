/**
 * Countries as ACLED names and groups them: ISO 3166-1 alpha-2 → alpha-3 (ACLED's event_id_cnty prefix),
 * ISO numeric (the `iso` column), ACLED's country name and ACLED region. Codes from ISO 3166-1; names and
 * regions as ACLED's data uses them (ACLED Codebook; regions are ACLED's, not the UN's: Sudan is in
 * Northern Africa, Turkey in the Middle East, the Caucasus with Central Asia).
 */
const TABLE = `
AD AND 20 Europe|Andorra
AE ARE 784 Middle East|United Arab Emirates
AF AFG 4 South Asia|Afghanistan
AG ATG 28 Caribbean|Antigua and Barbuda
AI AIA 660 Caribbean|Anguilla
AL ALB 8 Europe|Albania
AM ARM 51 Caucasus and Central Asia|Armenia
AO AGO 24 Southern Africa|Angola
AQ ATA 10 Antarctica|Antarctica
AR ARG 32 South America|Argentina
AS ASM 16 Oceania|American Samoa
AT AUT 40 Europe|Austria
AU AUS 36 Oceania|Australia
AW ABW 533 Caribbean|Aruba
AZ AZE 31 Caucasus and Central Asia|Azerbaijan
BA BIH 70 Europe|Bosnia and Herzegovina
BB BRB 52 Caribbean|Barbados
BD BGD 50 South Asia|Bangladesh
BE BEL 56 Europe|Belgium
BF BFA 854 Western Africa|Burkina Faso
BG BGR 100 Europe|Bulgaria
BH BHR 48 Middle East|Bahrain
BI BDI 108 Eastern Africa|Burundi
BJ BEN 204 Western Africa|Benin
BM BMU 60 North America|Bermuda
BN BRN 96 Southeast Asia|Brunei
BO BOL 68 South America|Bolivia
BR BRA 76 South America|Brazil
BS BHS 44 Caribbean|Bahamas
BT BTN 64 South Asia|Bhutan
BW BWA 72 Southern Africa|Botswana
BY BLR 112 Europe|Belarus
BZ BLZ 84 Central America|Belize
CA CAN 124 North America|Canada
CD COD 180 Middle Africa|Democratic Republic of Congo
CF CAF 140 Middle Africa|Central African Republic
CG COG 178 Middle Africa|Republic of Congo
CH CHE 756 Europe|Switzerland
CI CIV 384 Western Africa|Ivory Coast
CK COK 184 Oceania|Cook Islands
CL CHL 152 South America|Chile
CM CMR 120 Middle Africa|Cameroon
CN CHN 156 East Asia|China
CO COL 170 South America|Colombia
CR CRI 188 Central America|Costa Rica
CU CUB 192 Caribbean|Cuba
CV CPV 132 Western Africa|Cape Verde
CW CUW 531 Caribbean|Curacao
CY CYP 196 Europe|Cyprus
CZ CZE 203 Europe|Czech Republic
DE DEU 276 Europe|Germany
DJ DJI 262 Eastern Africa|Djibouti
DK DNK 208 Europe|Denmark
DM DMA 212 Caribbean|Dominica
DO DOM 214 Caribbean|Dominican Republic
DZ DZA 12 Northern Africa|Algeria
EC ECU 218 South America|Ecuador
EE EST 233 Europe|Estonia
EG EGY 818 Northern Africa|Egypt
EH ESH 732 Northern Africa|Western Sahara
ER ERI 232 Eastern Africa|Eritrea
ES ESP 724 Europe|Spain
ET ETH 231 Eastern Africa|Ethiopia
FI FIN 246 Europe|Finland
FJ FJI 242 Oceania|Fiji
FK FLK 238 South America|Falkland Islands
FM FSM 583 Oceania|Micronesia
FO FRO 234 Europe|Faroe Islands
FR FRA 250 Europe|France
GA GAB 266 Middle Africa|Gabon
GB GBR 826 Europe|United Kingdom
GD GRD 308 Caribbean|Grenada
GE GEO 268 Caucasus and Central Asia|Georgia
GF GUF 254 South America|French Guiana
GH GHA 288 Western Africa|Ghana
GI GIB 292 Europe|Gibraltar
GL GRL 304 North America|Greenland
GM GMB 270 Western Africa|Gambia
GN GIN 324 Western Africa|Guinea
GP GLP 312 Caribbean|Guadeloupe
GQ GNQ 226 Middle Africa|Equatorial Guinea
GR GRC 300 Europe|Greece
GT GTM 320 Central America|Guatemala
GU GUM 316 Oceania|Guam
GW GNB 624 Western Africa|Guinea-Bissau
GY GUY 328 South America|Guyana
HK HKG 344 East Asia|China
HN HND 340 Central America|Honduras
HR HRV 191 Europe|Croatia
HT HTI 332 Caribbean|Haiti
HU HUN 348 Europe|Hungary
ID IDN 360 Southeast Asia|Indonesia
IE IRL 372 Europe|Ireland
IL ISR 376 Middle East|Israel
IM IMN 833 Europe|Isle of Man
IN IND 356 South Asia|India
IQ IRQ 368 Middle East|Iraq
IR IRN 364 Middle East|Iran
IS ISL 352 Europe|Iceland
IT ITA 380 Europe|Italy
JM JAM 388 Caribbean|Jamaica
JO JOR 400 Middle East|Jordan
JP JPN 392 East Asia|Japan
KE KEN 404 Eastern Africa|Kenya
KG KGZ 417 Caucasus and Central Asia|Kyrgyzstan
KH KHM 116 Southeast Asia|Cambodia
KI KIR 296 Oceania|Kiribati
KM COM 174 Eastern Africa|Comoros
KN KNA 659 Caribbean|Saint Kitts and Nevis
KP PRK 408 East Asia|North Korea
KR KOR 410 East Asia|South Korea
KW KWT 414 Middle East|Kuwait
KY CYM 136 Caribbean|Cayman Islands
KZ KAZ 398 Caucasus and Central Asia|Kazakhstan
LA LAO 418 Southeast Asia|Laos
LB LBN 422 Middle East|Lebanon
LC LCA 662 Caribbean|Saint Lucia
LI LIE 438 Europe|Liechtenstein
LK LKA 144 South Asia|Sri Lanka
LR LBR 430 Western Africa|Liberia
LS LSO 426 Southern Africa|Lesotho
LT LTU 440 Europe|Lithuania
LU LUX 442 Europe|Luxembourg
LV LVA 428 Europe|Latvia
LY LBY 434 Northern Africa|Libya
MA MAR 504 Northern Africa|Morocco
MC MCO 492 Europe|Monaco
MD MDA 498 Europe|Moldova
ME MNE 499 Europe|Montenegro
MG MDG 450 Southern Africa|Madagascar
MH MHL 584 Oceania|Marshall Islands
MK MKD 807 Europe|North Macedonia
ML MLI 466 Western Africa|Mali
MM MMR 104 Southeast Asia|Myanmar
MN MNG 496 East Asia|Mongolia
MO MAC 446 East Asia|China
MP MNP 580 Oceania|Northern Mariana Islands
MQ MTQ 474 Caribbean|Martinique
MR MRT 478 Western Africa|Mauritania
MS MSR 500 Caribbean|Montserrat
MT MLT 470 Europe|Malta
MU MUS 480 Eastern Africa|Mauritius
MV MDV 462 South Asia|Maldives
MW MWI 454 Southern Africa|Malawi
MX MEX 484 Central America|Mexico
MY MYS 458 Southeast Asia|Malaysia
MZ MOZ 508 Southern Africa|Mozambique
NA NAM 516 Southern Africa|Namibia
NC NCL 540 Oceania|New Caledonia
NE NER 562 Western Africa|Niger
NG NGA 566 Western Africa|Nigeria
NI NIC 558 Central America|Nicaragua
NL NLD 528 Europe|Netherlands
NO NOR 578 Europe|Norway
NP NPL 524 South Asia|Nepal
NR NRU 520 Oceania|Nauru
NU NIU 570 Oceania|Niue
NZ NZL 554 Oceania|New Zealand
OM OMN 512 Middle East|Oman
PA PAN 591 Central America|Panama
PE PER 604 South America|Peru
PF PYF 258 Oceania|French Polynesia
PG PNG 598 Oceania|Papua New Guinea
PH PHL 608 Southeast Asia|Philippines
PK PAK 586 South Asia|Pakistan
PL POL 616 Europe|Poland
PM SPM 666 North America|Saint Pierre and Miquelon
PN PCN 612 Oceania|Pitcairn
PR PRI 630 Caribbean|Puerto Rico
PS PSE 275 Middle East|Palestine
PT PRT 620 Europe|Portugal
PW PLW 585 Oceania|Palau
PY PRY 600 South America|Paraguay
QA QAT 634 Middle East|Qatar
RE REU 638 Eastern Africa|Reunion
RO ROU 642 Europe|Romania
RS SRB 688 Europe|Serbia
RU RUS 643 Europe|Russia
RW RWA 646 Eastern Africa|Rwanda
SA SAU 682 Middle East|Saudi Arabia
SB SLB 90 Oceania|Solomon Islands
SC SYC 690 Eastern Africa|Seychelles
SD SDN 729 Northern Africa|Sudan
SE SWE 752 Europe|Sweden
SG SGP 702 Southeast Asia|Singapore
SH SHN 654 Western Africa|Saint Helena, Ascension and Tristan da Cunha
SI SVN 705 Europe|Slovenia
SK SVK 703 Europe|Slovakia
SL SLE 694 Western Africa|Sierra Leone
SM SMR 674 Europe|San Marino
SN SEN 686 Western Africa|Senegal
SO SOM 706 Eastern Africa|Somalia
SR SUR 740 South America|Suriname
SS SSD 728 Eastern Africa|South Sudan
ST STP 678 Middle Africa|Sao Tome and Principe
SV SLV 222 Central America|El Salvador
SX SXM 534 Caribbean|Sint Maarten
SY SYR 760 Middle East|Syria
SZ SWZ 748 Southern Africa|eSwatini
TC TCA 796 Caribbean|Turks and Caicos Islands
TD TCD 148 Middle Africa|Chad
TG TGO 768 Western Africa|Togo
TH THA 764 Southeast Asia|Thailand
TJ TJK 762 Caucasus and Central Asia|Tajikistan
TL TLS 626 Southeast Asia|East Timor
TM TKM 795 Caucasus and Central Asia|Turkmenistan
TN TUN 788 Northern Africa|Tunisia
TO TON 776 Oceania|Tonga
TR TUR 792 Middle East|Turkey
TT TTO 780 Caribbean|Trinidad and Tobago
TV TUV 798 Oceania|Tuvalu
TW TWN 158 East Asia|Taiwan
TZ TZA 834 Eastern Africa|Tanzania
UA UKR 804 Europe|Ukraine
UG UGA 800 Eastern Africa|Uganda
US USA 840 North America|United States
UY URY 858 South America|Uruguay
UZ UZB 860 Caucasus and Central Asia|Uzbekistan
VA VAT 336 Europe|Vatican City
VC VCT 670 Caribbean|Saint Vincent and the Grenadines
VE VEN 862 South America|Venezuela
VG VGB 92 Caribbean|British Virgin Islands
VI VIR 850 Caribbean|Virgin Islands, U.S.
VN VNM 704 Southeast Asia|Vietnam
VU VUT 548 Oceania|Vanuatu
WS WSM 882 Oceania|Samoa
XK XKX 0 Europe|Kosovo
YE YEM 887 Middle East|Yemen
YT MYT 175 Eastern Africa|Mayotte
ZA ZAF 710 Southern Africa|South Africa
ZM ZMB 894 Southern Africa|Zambia
ZW ZWE 716 Southern Africa|Zimbabwe
`;

export interface AcledCountry {
  alpha2: string;
  alpha3: string;
  /** ISO 3166-1 numeric, as ACLED's `iso` column gives it (no leading zeros; Kosovo 0). */
  iso: number;
  name: string;
  region: string;
}

const BY_ALPHA2 = new Map<string, AcledCountry>();
for (const line of TABLE.trim().split('\n')) {
  const m = /^([A-Z]{2}) ([A-Z]{3}) (\d+) ([^|]+)\|(.+)$/.exec(line.trim());
  if (!m) throw new Error(`acled-countries: bad line ${line}`);
  BY_ALPHA2.set(m[1]!, { alpha2: m[1]!, alpha3: m[2]!, iso: Number(m[3]), region: m[4]!, name: m[5]! });
}

export function acledCountry(alpha2: string | null | undefined): AcledCountry | null {
  return alpha2 ? (BY_ALPHA2.get(alpha2.toUpperCase()) ?? null) : null;
}

export function allAcledCountries(): AcledCountry[] {
  return [...BY_ALPHA2.values()];
}
