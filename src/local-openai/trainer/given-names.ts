/**
 * Common given names (English, French, Spanish, Slavic, Nordic): general knowledge a base language model has, so a name printed surname
 * first without a comma ("TKACHUK MATTHEW") can be put back in order, and the name ranker can
 * tell a first name from a set or team word. Lower case, as `fold` writes words.
 */
const NAMES = `
aaron adam adrian aidan aj al alan albert alec alex alexander alexandre alexis alfred alfonso alvin
amir andre andrei andres andrew andy angel anthony antoine anton antonio archie ari arthur barry ben
benjamin bernie bert bill billy blake bob bobby brad brandon brayden brendan brent brett brian brock
bryan bryce byron cal caleb calvin cam camden cameron carl carlos casey cedric cesar chad charles
charlie chris christian christopher chuck clint cody colin colt conner connor corey cory dalton
damian damon dan daniel danny dante darius darnell darren darryl dave david dennis derek derrick
deshawn devin devon dewayne dexter diego dillon dominic dominik don donald donovan doug douglas drew
duane dustin dwayne dwight dylan eddie eddy edgar eduardo edward edwin eli elias elijah emmanuel
enrique eric erik ernie esteban ethan evan evgeni evgeny fabian felix fernando filip francisco frank
franklin fred freddie freddy frederick gabe gabriel gary gavin george gerald gerardo glenn gordie
greg gregory guillermo gus hank harold harry hector henri henrik ian igor isaac isaiah ivan jack
jacob jaden jake jakob jaime jamal jared jason javier jay jayson jean jeff jeffrey jerome jerry
jesse jesus jim jimmy joe joel joey johan johann john johnny jon jonah jonas jonathan jorge jose
josef joseph josh joshua juan julian julio julius justin kai karl keith ken kendall kenneth kenny
kevin khalil kurt kyle lamar larry lars leo leon leroy logan lorenzo luc luca lucas luis
luke lukas luka malcolm manny manuel marc marco mario mark marko marvin mathew matt matthew matthias
max maxim maxime melvin micah michael michel miguel mika mike mikhail milo mitch mo mohamed moses
nate nathan nathaniel neil nick nicholas nicklas niklas nico nicolas nikita nikola nikolai noah
nolan norm norman oliver omar orlando oscar pablo pascal pat patrick paul pedro pete peter phil
philip phillip pierre quentin quinn rafael ralph randy ray raymond reggie ricardo richard rick ricky
rob robert roberto robin rod rodney roger roman ron ronald ronnie ruben ryan sam samuel scott sean
sebastian sergei sergio seth shane shaun shawn sidney simon spencer stan stanley stefan stephen
steve steven stuart sven ted terrell terry theo thomas tim timothy toby todd tom tommy tony travis
trent trevor trey troy ty tyler tyson ugo valentin victor viktor vince vincent vladimir walter wayne
will william willie xavier yanni yuri zach zachary zack zion
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
