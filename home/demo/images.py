"""Illustrations and logos drawn with Pillow, so the demo needs no download and no stock photo licence."""

import functools
import io
import random
import unicodedata

from PIL import Image, ImageDraw, ImageFont

from django.core.files.images import ImageFile

from home.models import PortalImage

ILLUSTRATION_SIZE = (1200, 675)
LOGO_SIZE = (400, 400)
LABEL_HEIGHT = 140
VARIANTS_PER_CATEGORY = 2
CREDIT = "Illustrazione generata per la demo del portale"
FONT_FILES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")

# One palette per top-level category slug: background top, background bottom, shapes.
PALETTES = {
    "studio-e-formazione": ("#0b4f8a", "#4fa3e0", "#ffd166"),
    "lavoro-e-orientamento": ("#264653", "#2a9d8f", "#e9c46a"),
    "sport": ("#c44900", "#f4a259", "#fff3b0"),
    "cultura": ("#5f0f40", "#9a031e", "#fb8b24"),
    "svago-e-tempo-libero": ("#3a86ff", "#8ecae6", "#ffbe0b"),
    "vivere-la-citta": ("#6a4c93", "#b392ac", "#f1e3d3"),
    "famiglia-e-genitorialita": ("#e76f51", "#f4a261", "#fefae0"),
    "salute-e-benessere": ("#1b7f5b", "#74c69d", "#ffffff"),
    "sociale-e-assistenza": ("#3d405b", "#81b29a", "#f2cc8f"),
    "lingue-e-integrazione": ("#005f73", "#94d2bd", "#ee9b00"),
    "volontariato-e-cittadinanza-attiva": ("#9b2226", "#ca6702", "#e9d8a6"),
    "digitale": ("#14213d", "#3c6e71", "#fca311"),
    "ambiente": ("#386641", "#a7c957", "#f2e8cf"),
}
DEFAULT_PALETTE = ("#17324d", "#5b6f82", "#f5f5f5")
SHAPE_WORDS = {"circle": "cerchi", "square": "quadrati", "triangle": "triangoli"}


def illustration_images(categories, collection):
    """Create the illustrations for the top-level categories: {category slug: [PortalImage, ...]}."""
    images = {}
    for category in categories:
        images[category.slug] = [
            _save(
                _illustration(category, variant),
                title=f"{category.name} – illustrazione {variant + 1}",
                filename=f"demo-{category.slug}-{variant + 1}.jpg",
                description=_illustration_description(category, variant),
                collection=collection,
                image_format="JPEG",
            )
            for variant in range(VARIANTS_PER_CATEGORY)
        ]
    return images


def logo_image(organization_name, slug, initials, palette_key, collection):
    """A monogram logo: the organization's initials in a coloured disc."""
    top, bottom, accent = PALETTES.get(palette_key, DEFAULT_PALETTE)
    image = Image.new("RGB", LOGO_SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 380, 380), fill=top, outline=accent, width=12)
    _centered_text(draw, (200, 200), initials, _font(150 if len(initials) < 3 else 110), "#ffffff")
    return _save(
        image,
        title=f"Logo – {organization_name}",
        filename=f"demo-logo-{slug}.png",
        description=f"Logo di {organization_name}: le lettere {initials} in bianco dentro un cerchio colorato",
        collection=collection,
        image_format="PNG",
    )


def coat_of_arms(town, collection):
    """A stylised coat of arms for the Comune: a blue shield crossed by a golden river."""
    image = Image.new("RGB", (400, 480), "#ffffff")
    draw = ImageDraw.Draw(image)
    shield = [(40, 30), (360, 30), (360, 250), (330, 350), (200, 450), (70, 350), (40, 250)]
    draw.polygon(shield, fill="#0b4f8a", outline="#ffd166", width=10)
    for offset in (0, 36):
        points = [(60 + x, 250 + offset + (18 if (x // 40) % 2 else -18)) for x in range(0, 281, 40)]
        draw.line(points, fill="#ffd166", width=14, joint="curve")
    _centered_text(draw, (200, 140), town[:1], _font(170), "#ffffff")
    return _save(
        image,
        title=f"Stemma – Comune di {town}",
        filename="demo-stemma.png",
        description=f"Stemma stilizzato del Comune di {town}: uno scudo azzurro attraversato da un fiume "
        f"dorato, con la lettera {town[:1]}",
        collection=collection,
        image_format="PNG",
    )


def _illustration(category, variant):
    rng = random.Random(f"valdoria-image-{category.slug}-{variant}")
    top, bottom, accent = PALETTES.get(category.slug, DEFAULT_PALETTE)
    image = _gradient(ILLUSTRATION_SIZE, top, bottom)
    overlay = Image.new("RGBA", ILLUSTRATION_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    shape = _shape_for(category, variant)
    for _index in range(rng.randint(7, 12)):
        _draw_shape(draw, rng, shape, accent)
    width, height = ILLUSTRATION_SIZE
    draw.rectangle((0, height - LABEL_HEIGHT, width, height), fill=(0, 0, 0, 150))  # a dark band under the label
    image = Image.alpha_composite(image.convert("RGBA"), overlay)
    _label(ImageDraw.Draw(image), category.name)
    return image.convert("RGB")


def _shape_for(category, variant):
    shapes = list(SHAPE_WORDS)
    return shapes[(sum(map(ord, category.slug)) + variant) % len(shapes)]


def _illustration_description(category, variant):
    shape = SHAPE_WORDS[_shape_for(category, variant)]
    return f"Illustrazione astratta con {shape} chiari su uno sfondo sfumato e la scritta «{category.name}»"


def _gradient(size, top, bottom):
    width, height = size
    start, end = _rgb(top), _rgb(bottom)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / (height - 1)
        colour = tuple(round(a + (b - a) * ratio) for a, b in zip(start, end, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _draw_shape(draw, rng, shape, accent):
    width, height = ILLUSTRATION_SIZE
    size = rng.randint(60, 260)
    x, y = rng.randint(-40, width - 40), rng.randint(-40, height - 160)
    fill = (*_rgb(accent), rng.randint(60, 150))
    if shape == "circle":
        draw.ellipse((x, y, x + size, y + size), fill=fill)
    elif shape == "square":
        draw.rounded_rectangle((x, y, x + size, y + size), radius=size // 6, fill=fill)
    else:
        draw.polygon([(x, y + size), (x + size // 2, y), (x + size, y + size)], fill=fill)


def _label(draw, text):
    height = ILLUSTRATION_SIZE[1]
    draw.text((60, height - LABEL_HEIGHT // 2), _drawable(text), font=_font(64), fill="#ffffff", anchor="lm")


def _centered_text(draw, centre, text, font, fill):
    draw.text(centre, _drawable(text), font=font, fill=fill, anchor="mm")


@functools.cache
def _font_file():
    """The first system font with Italian accented letters, or None."""
    for name in FONT_FILES:
        try:
            ImageFont.truetype(name, 10)
        except OSError:
            continue
        return name
    return None


def _font(size):
    return ImageFont.truetype(_font_file(), size) if _font_file() else ImageFont.load_default(size)


def _drawable(text):
    """Pillow's built-in font has no accented letters: fall back to the Italian apostrophe spelling."""
    if _font_file():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join("'" if unicodedata.category(char) == "Mn" else char for char in decomposed)


def _rgb(hex_colour):
    return tuple(int(hex_colour[index : index + 2], 16) for index in (1, 3, 5))


def _save(image, *, title, filename, description, collection, image_format):
    buffer = io.BytesIO()
    options = {"quality": 80, "optimize": True} if image_format == "JPEG" else {"optimize": True}
    image.save(buffer, format=image_format, **options)
    portal_image = PortalImage(
        title=title,
        description=description,
        credit=CREDIT,
        collection=collection,
        file=ImageFile(buffer, name=filename),
    )
    portal_image._set_image_file_metadata()
    portal_image.save()
    return portal_image
