// Names for synthetic members: a mix like a real UK membership list, including the apostrophes,
// accents and hyphens that a register must carry safely. 14,400 combinations, so names repeat
// in large groups, as they do in life; membership numbers tell people apart.

const FIRST = `Aaliyah Abdul Ada Aditi Adrian Aisha Alan Alex Alice Amara Amir Ana Andrew Angela Anil Ann
Aoife Arjun Ayesha Barbara Ben Bethan Bilal Brian Bronwen Callum Carlos Catherine Chen Chidi Chloe Ciarán
Claire Colin Dafydd Daniel David Deborah Deepa Dylan Eilidh Elena Emeka Emily Emma Eoin Farah Fatima
Fiona Gareth Grace Gwen Hamish Hannah Harpreet Hassan Helen Ifeoma Imran Iona Isla Jack James Jasmine
Jean-Paul Jo John Joy Kamal Karen Kemi Kofi Laura Leila Liam Lucy Mairéad Malik Margaret Maria Mark
Martha Mei Michael Mohammed Nadia Niamh Nkechi Oliver Olu Omar Owen Patrick Paul Pooja Priya Rachel
Rhys Rosa Ruth Ryan Sam Sandeep Sarah Seren Siân Simon Sinéad Sophie Sunita Tariq Tom Tomasz Una
Wei Yasmin Yusuf Zainab Zoë Zofia Ewan Morag Lowri`.split(/\s+/);

const LAST = `Abbott Adeyemi Ahmed Ali Anderson Baker Banerjee Bell Bennett Brown Campbell Chen Clarke Collins
Cooper Davies Dhillon Edwards Evans Fraser Gallagher Ghosh Graham Green Griffiths Hall Harris Hughes
Hussain Jackson James Jenkins Johnson Jones Kaur Kelly Khan Kowalski Lee Lewis Li MacDonald MacLeod
McAllister Mensah Mitchell Moore Morgan Morris Murphy Murray Nguyen Nowak O'Brien O'Connor O'Neill Okafor
Owen Parry Patel Phillips Powell Price Quinn Rahman Reid Roberts Robertson Robinson Rose Ross Scott Shah
Sharma Singh Smith Stewart Taylor Thomas Thompson Turner Walker Wang Ward Watson White Williams Wilson
Wood Wright Young Zhang Ó'Súilleabháin Ní-Bhriain Fitzgerald Hamilton Kennedy Lloyd Bevan Pritchard
Ogunleye Osei Boateng Yilmaz Demir Novak Horvat Silva Santos Costa Ferreira Rossi Russo Müller Schmidt
Dubois Martin Petit Ahmadi Karimi Hosseini Tanaka Sato Kim Park Choi Nair Iyer Menon Reddy Rao Das Bose
Smith-Jones Lloyd-Webber`.split(/\s+/);

export function personName(random) {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}

export function surname(random) {
  return random.pick(LAST);
}

const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Mill Road', 'Victoria Street', 'Queen’s Road', 'Heol y Parc', 'Glebe Close', 'Canal Side'];
const TOWNS = ['Bristol BS5 6XY', 'Leeds LS6 1AB', 'Glasgow G41 2QR', 'Cardiff CF24 3DE', 'Belfast BT7 1NN', 'Norwich NR2 4PQ', 'Hebden Bridge HX7 8AD', 'Totnes TQ9 5RY'];

export function postalAddress(random) {
  return `${random.int(1, 240)} ${random.pick(STREETS)}, ${random.pick(TOWNS)}`;
}

export function emailFor(name, number) {
  const local = name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');
  return `${local}.${number}@example.org`;
}

/** Ofcom reserves 07700 900000–900999 for drama: never a real person's phone. */
export function phoneNumber(random) {
  return `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
}
