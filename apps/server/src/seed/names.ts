/**
 * Fixed name lists for the demo organization, grouped by region so that a generated person's first and
 * last name belong together. Offices draw mostly from their local regions (see demo-places.ts).
 * Lists are comma-separated strings only to keep this file short.
 */
export interface NameRegion {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
}

const list = (names: string): string[] => names.split(',').map((n) => n.trim());

function region(female: string, male: string, last: string): NameRegion {
  return { female: list(female), male: list(male), last: list(last) };
}

export const NAME_REGIONS = {
  anglo: region(
    'Emily, Olivia, Hannah, Grace, Charlotte, Abigail, Megan, Sarah, Rachel, Laura',
    'James, Michael, Daniel, Ryan, Thomas, Benjamin, Andrew, Christopher, Matthew, Samuel',
    "Smith, Johnson, Walker, Thompson, Carter, Mitchell, Bennett, Foster, Hughes, Reed, Campbell, O'Brien",
  ),
  hispanic: region(
    'Sofía, Valentina, Camila, Lucía, María, Isabela, Gabriela, Daniela',
    'Mateo, Santiago, Diego, Alejandro, Javier, Carlos, Luis, Andrés',
    'García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres, Flores',
  ),
  lusophone: region(
    'Ana, Beatriz, Juliana, Larissa, Fernanda, Mariana',
    'João, Pedro, Lucas, Gabriel, Rafael, Thiago',
    'Silva, Santos, Oliveira, Souza, Costa, Ferreira, Almeida, Carvalho, Ribeiro',
  ),
  german: region(
    'Anna, Lena, Katharina, Johanna, Lea, Sophie',
    'Lukas, Jonas, Felix, Maximilian, Tobias, Florian',
    'Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch',
  ),
  nordic: region(
    'Ingrid, Astrid, Freya, Sanne, Noor, Elin',
    'Lars, Erik, Sven, Daan, Anders, Mikkel',
    'Andersen, Johansson, Nielsen, Lindqvist, de Vries, van Dijk, Jansen, Berg, Halvorsen',
  ),
  romance: region(
    'Camille, Chloé, Giulia, Chiara, Élodie, Francesca',
    'Louis, Hugo, Luca, Marco, Antoine, Matteo',
    'Dubois, Moreau, Laurent, Lefèvre, Rossi, Russo, Bianchi, Romano, Ricci, Girard',
  ),
  southAsian: region(
    'Priya, Ananya, Aisha, Divya, Kavya, Meera, Sneha, Pooja',
    'Arjun, Rahul, Vikram, Rohan, Aditya, Karthik, Sanjay, Amit',
    'Sharma, Patel, Iyer, Reddy, Nair, Gupta, Singh, Kumar, Menon, Rao, Desai, Chatterjee',
  ),
  eastAsian: region(
    'Mei, Yuki, Hana, Ji-woo, Xiu, Sakura, Min-ji, Lin',
    'Wei, Hiroshi, Kenji, Min-jun, Jun, Haruto, Hao, Tae-yang',
    'Wang, Li, Zhang, Chen, Liu, Tanaka, Suzuki, Sato, Kim, Park, Lee, Nakamura',
  ),
  southeastAsian: region(
    'Siti, Nur, Mai, Putri, Linh, Clarissa',
    'Arif, Budi, Minh, Rizal, Anh, Paolo',
    'Tan, Lim, Ng, Nguyen, Tran, Reyes, Wijaya, Rahman, Goh, Ong',
  ),
  africanMiddleEastern: region(
    'Amara, Zainab, Nia, Fatima, Layla, Yasmin, Chiamaka, Ama',
    'Kwame, Tunde, Omar, Youssef, Chinedu, Kofi, Karim, Tariq',
    'Okafor, Mensah, Adeyemi, Okonkwo, Haddad, Nasser, Mansour, Abubakar, Diallo, Mwangi, Boateng, Khalil',
  ),
  easternEuropean: region(
    'Anastasia, Katarzyna, Olena, Zuzana, Ivana, Milena',
    'Piotr, Dmitri, Tomasz, Andrei, Marek, Nikola',
    'Nowak, Kowalczyk, Novák, Horvat, Popescu, Kovač, Dvořák, Marković, Jovanović, Szabó, Nagy',
  ),
} satisfies Record<string, NameRegion>;

export type RegionKey = keyof typeof NAME_REGIONS;
export const REGION_KEYS = Object.keys(NAME_REGIONS) as RegionKey[];

/** Names used with they/them pronouns for a small share of people. */
export const NEUTRAL_FIRST_NAMES = list('Alex, Sam, Jordan, Taylor, Robin, Kai, Noa, Ariel, Rowan, Quinn');

export type Gender = 'female' | 'male' | 'neutral';

export const PRONOUNS: Record<Gender, string> = { female: 'she/her', male: 'he/him', neutral: 'they/them' };
