// Country and region names: sharing one says two sentences share a topic, not that they state the same fact.
const PLACES =
  "afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh " +
  "barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina faso burundi " +
  "cambodia cameroon canada cape verde chad chile china colombia comoros congo costa rica croatia cuba cyprus czechia " +
  "denmark djibouti dominica ecuador egypt salvador guinea eritrea estonia eswatini ethiopia fiji finland france gabon " +
  "gambia georgia germany ghana greece grenada guatemala guyana haiti honduras hungary iceland india indonesia iran iraq " +
  "ireland israel italy ivory coast jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos " +
  "latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta " +
  "mauritania mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal " +
  "netherlands zealand nicaragua niger nigeria macedonia norway oman pakistan palau palestine panama papua paraguay peru " +
  "philippines poland portugal qatar romania russia rwanda samoa san marino saudi arabia senegal serbia seychelles sierra " +
  "leone singapore slovakia slovenia somalia south sudan spain sri lanka suriname sweden switzerland syria taiwan " +
  "tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine emirates uk us " +
  "uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe africa europe asia america americas middle east " +
  "west north central sahel sahara gulf balkans caucasus arctic pacific atlantic eu nato un kremlin moscow washington " +
  "beijing london paris brussels western eastern northern southern";

export const PLACE_KEYS = new Set(PLACES.split(" ").map((w) => w.replace(/(.)\1+/g, "$1")));
